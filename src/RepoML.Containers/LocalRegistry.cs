using System.Diagnostics;
using System.Globalization;

namespace RepoML.Containers;

/// <summary>
/// A real OCI registry on this machine's loopback (the <c>docker-registry</c> package, i.e. CNCF Distribution), for
/// tests and offline use: started detached with its storage and pid under a state folder, reused when already up.
/// </summary>
public sealed class LocalRegistry(string stateFolder, int port)
{
    /// <summary>Not 5000: Kestrel's and AirPlay's habit.</summary>
    public const int DefaultPort = 5055;

    public string Address => $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    private string PidFile => Path.Combine(stateFolder, "registry.pid");

    public async Task<bool> IsUpAsync(CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync($"http://{Address}/v2/", cancellation);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Starts the registry unless one already answers on the port; returns whether it started one.</summary>
    public async Task<bool> StartAsync(CancellationToken cancellation)
    {
        if (await IsUpAsync(cancellation))
        {
            return false;
        }

        var executable = ContainerTools.Find("docker-registry")
            ?? throw new ContainerToolException($"docker-registry is not installed ({ContainerTools.InstallHint})");
        var storage = Directory.CreateDirectory(Path.Combine(stateFolder, "registry")).FullName;
        var config = Path.Combine(stateFolder, "registry.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {storage}
              delete:
                enabled: true
            http:
              addr: {Address}

            """, cancellation);
        // Detached through the shell so the registry outlives this process (repoml base-image prepare exits).
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        // Paths travel as positional arguments, never pasted into the script, so no path can run as shell code.
        start.ArgumentList.Add("nohup setsid \"$1\" serve \"$2\" > \"$3\" 2>&1 < /dev/null & echo $!");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(executable);
        start.ArgumentList.Add(config);
        start.ArgumentList.Add(Path.Combine(stateFolder, "registry.log"));
        using (var shell = Process.Start(start)!)
        {
            var pid = (await shell.StandardOutput.ReadToEndAsync(cancellation)).Trim();
            await shell.WaitForExitAsync(cancellation);
            await File.WriteAllTextAsync(PidFile, pid + "\n", cancellation);
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await IsUpAsync(cancellation))
            {
                return true;
            }

            await Task.Delay(100, cancellation);
        }

        throw new ContainerToolException($"docker-registry did not answer on {Address} within 10 s; see {Path.Combine(stateFolder, "registry.log")}");
    }

    /// <summary>Stops the registry this state folder started (by its recorded pid).</summary>
    public bool Stop()
    {
        if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        File.Delete(PidFile);
        return RecordedProcess.Stop(pid, entireProcessTree: false, "serve", Path.Combine(stateFolder, "registry.yml"));
    }
}
