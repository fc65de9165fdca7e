using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using RepoML.Tests.Shared;

namespace RepoML.Storage.Tests;

/// <summary>A real Azurite blob service on 127.0.0.1 and a free port, started once per test class and killed at dispose.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string Executable = "azurite-blob";

    // Azurite's documented development account; not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly TempFolder _data = new();
    private Process? _process;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>The full path of azurite-blob, or null when it is not installed.</summary>
    public static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, Executable))
            .FirstOrDefault(File.Exists);

    /// <summary>A client for a new, empty container (created).</summary>
    public BlobContainerClient NewContainer()
    {
        var container = new BlobServiceClient(ConnectionString).GetBlobContainerClient("t" + Guid.NewGuid().ToString("N")[..20]);
        container.Create();
        return container;
    }

    public async Task InitializeAsync()
    {
        var executable = FindExecutable();
        if (executable is null)
        {
            return; // the tests are skipped by AzuriteFactAttribute
        }

        Port = FreePort.Pick();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--location", _data.Path, "--disableTelemetry", "--skipApiVersionCheck", "--silent",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("azurite-blob did not start.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"azurite-blob exited with code {_process.ExitCode} before listening on port {Port}.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"azurite-blob did not listen on 127.0.0.1:{Port} within 20 s.");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _data.Dispose();
    }
}
