using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RepoML.Tests.Shared;

/// <summary>
/// A real Azurite blob service (npm <c>azurite</c>, installed by .ci/run) on 127.0.0.1 and a free port, with its data in
/// a temp folder; killed and deleted at dispose. Tests that need it use <see cref="AzuriteFactAttribute"/>, which skips
/// them, with the reason, where Azurite is not installed.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    public const string Executable = "azurite-blob";

    // Azurite's documented development account; not a secret.
    public const string Account = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly string data;

    private AzuriteServer(Process process, string data, int port)
    {
        this.process = process;
        this.data = data;
        Port = port;
    }

    public int Port { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{Port}/{Account}");

    public string ConnectionString => $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    /// <summary>The full path of azurite-blob, or null when it is not installed.</summary>
    public static string? FindExecutable() => InstalledFactAttribute.FindProgram(Executable);

    public static async Task<AzuriteServer> StartAsync()
    {
        var executable = FindExecutable() ?? throw new InvalidOperationException($"{Executable} is not installed (npm install -g azurite)");
        var data = Path.Combine(Path.GetTempPath(), "repoml-azurite-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        var port = FreePort.Pick();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--location", data, "--disableTelemetry", "--skipApiVersionCheck", "--silent",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("azurite-blob did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(process, data, port);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"azurite-blob exited with code {process.ExitCode} before listening on port {port}.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException($"azurite-blob did not listen on 127.0.0.1:{port} within 20 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
