using System.Diagnostics;

namespace RepoML.Tests.Shared;

/// <summary>
/// The system Chromium (Debian's <c>chromium</c>) run headless on a local HTML file: the DOM as the browser built it, and a
/// screenshot. Network off, a throw-away profile, killed (with its children) if it hangs.
/// </summary>
public static class ChromiumCommandLine
{
    public const string Executable = "chromium";

    /// <summary>Set to a folder to keep each screenshot (and its page) there under its file name (used to refresh the ones in docs/).</summary>
    public const string ScreenshotFolderVariable = "REPOML_SCREENSHOTS";

    /// <summary>The system browser: <c>CHROMIUM</c> when set, else <c>chromium</c> on the PATH; null when none is installed.</summary>
    public static string? FindExecutable() => InstalledFactAttribute.FindProgram(Executable, Environment.GetEnvironmentVariable("CHROMIUM"));

    /// <summary>The serialized DOM after the page loaded (<c>--dump-dom</c>).</summary>
    public static async Task<string> DumpDomAsync(string htmlFile) => (await RunAsync(htmlFile, "--dump-dom")).Output;

    /// <summary>A PNG of the page at the given window size; returns its path (next to the HTML file).</summary>
    public static async Task<string> ScreenshotAsync(string htmlFile, int width = 1100, int height = 1600)
    {
        var png = Path.ChangeExtension(htmlFile, ".png");
        await RunAsync(htmlFile, $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars");
        if (!File.Exists(png)) { throw new InvalidOperationException($"chromium wrote no screenshot for {htmlFile}"); }
        if (Environment.GetEnvironmentVariable(ScreenshotFolderVariable) is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(png, Path.Combine(keep, Path.GetFileName(png)), overwrite: true);
            File.Copy(htmlFile, Path.Combine(keep, Path.GetFileName(htmlFile)), overwrite: true);
        }

        return png;
    }

    private static async Task<(string Output, string Error)> RunAsync(string htmlFile, params string[] arguments)
    {
        var executable = FindExecutable() ?? throw new InvalidOperationException("chromium is not installed (apt-get install chromium)");
        var profile = Path.Combine(Path.GetTempPath(), "repoml-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-extensions", "--no-first-run", $"--user-data-dir={profile}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri);
        start.Environment["XDG_CONFIG_HOME"] = profile;
        start.Environment["XDG_CACHE_HOME"] = profile;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return (await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish within 90 s on {htmlFile}");
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
