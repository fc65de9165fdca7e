using System.Diagnostics;
using System.Text;

namespace RepoML.Containers;

/// <summary>
/// Runs the container tools as child processes with <see cref="ContainersConfiguration"/>'s environment, capturing
/// output; a non-zero exit becomes a <see cref="ContainerToolException"/> carrying the tool's last words.
/// </summary>
public sealed class ToolProcess(ContainersConfiguration configuration, Action<string>? log = null)
{
    public ContainersConfiguration Configuration { get; } = configuration;

    public async Task<ToolResult> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellation,
        string? workingDirectory = null, bool check = true)
    {
        var start = new ProcessStartInfo(ContainerTools.Find(tool)
            ?? throw new ContainerToolException($"{tool} is not installed ({ContainerTools.InstallHint})"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Configuration.Environment)
        {
            start.Environment[key] = value;
        }

        log?.Invoke($"$ {tool} {string.Join(' ', start.ArgumentList)}");
        using var process = Process.Start(start) ?? throw new ContainerToolException($"{tool} did not start");
        var output = new StringBuilder();
        var error = new StringBuilder();
        var readOut = Pump(process.StandardOutput, output);
        var readErr = Pump(process.StandardError, error);
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(readOut, readErr);
        var result = new ToolResult(process.ExitCode, output.ToString(), error.ToString());
        if (check && result.ExitCode != 0)
        {
            var detail = (result.Error.Length > 0 ? result.Error : result.Output).Trim();
            throw new ContainerToolException($"{tool} {string.Join(' ', start.ArgumentList.Take(2))} failed (exit {result.ExitCode}): " +
                $"{Tail(detail)}");
        }

        return result;
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            into.Append(buffer, 0, read);
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : "…" + text[^2000..];
}
