namespace RepoML.Containers;

/// <summary>Loads OCI archives into podman's storage and runs, inspects and removes containers — no daemon.</summary>
public sealed class PodmanContainers(ToolProcess tools)
{
    /// <summary>Loads an OCI archive and returns the loaded image's name (or id).</summary>
    public async Task<string> LoadAsync(string archivePath, CancellationToken cancellation)
    {
        var result = await tools.RunAsync("podman", ["load", "--quiet", "--input", archivePath], cancellation);
        var line = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l
            => l.StartsWith("Loaded image", StringComparison.Ordinal))
            ?? throw new ContainerToolException($"podman load printed no image name: {result.Output}");
        return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(',')[0].Trim();
    }

    /// <summary>Starts the container detached with <c>--network host</c>, replacing one of the same name; returns its id.</summary>
    public async Task<string> RunAsync(ContainerRunRequest request, CancellationToken cancellation)
    {
        await RemoveAsync(request.Name, cancellation);
        List<string> args = ["run", "--detach", "--name", request.Name, "--network", "host", "--pull", "never"];
        foreach (var (key, value) in request.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            args.AddRange(["--env", $"{key}={value}"]);
        }

        foreach (var (host, container) in request.Mounts)
        {
            args.AddRange(["--volume", $"{host}:{container}:ro"]);
        }

        args.Add(request.Image);
        return (await tools.RunAsync("podman", args, cancellation)).Output.Trim();
    }

    public async Task<bool> IsRunningAsync(string name, CancellationToken cancellation)
    {
        var result = await tools.RunAsync("podman", ["inspect", "--format", "{{.State.Running}}", name], cancellation, check: false);
        return result.ExitCode == 0 && result.Output.Trim() == "true";
    }

    public async Task<string> LogsAsync(string name, CancellationToken cancellation)
    {
        var result = await tools.RunAsync("podman", ["logs", name], cancellation, check: false);
        return result.Output + result.Error;
    }

    /// <summary>Stops (5 s grace) and removes the container; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string name, CancellationToken cancellation) =>
        (await tools.RunAsync("podman", ["rm", "--force", "--time", "5", name], cancellation, check: false)).ExitCode == 0;
}
