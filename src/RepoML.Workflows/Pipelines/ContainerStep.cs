namespace RepoML.Workflows.Pipelines;

/// <summary>
/// Runs a step's command inside its environment's image with podman (<c>repoml run --isolation container</c>): no network, the
/// step's input paths and code folder mounted read-only at the same paths, its own job folder (outputs, logs) writable. An image
/// with a build context is built with buildah from that context (tagged by the context's digest, so it is built once); an
/// image name must already be in local storage — nothing is pulled.
/// </summary>
public sealed class ContainerStep(string workspaceRoot, FileDigests digests)
{
    private readonly ToolProcess tools = new(ContainersConfiguration.Create(Path.Combine(workspaceRoot, ".repoml", "containers")));

    /// <summary>The image the job runs in, built first when it has a build context.</summary>
    /// <exception cref="ContainerToolException">No environment, a build that fails, or an image not in local storage.</exception>
    public async Task<string> ImageAsync(PlannedJob job, CancellationToken cancellation)
    {
        var image = job.Image ?? throw new ContainerToolException($"job '{job.Name}' declares no environment to run in");
        if (image.BuildContext is { } context)
        {
            var full = Path.Combine(workspaceRoot, context);
            var tag = "localhost/repoml-env:" + digests.OfFolder(full).ToString()["sha256:".Length..][..16];
            if (!await ExistsAsync(tag, cancellation))
            {
                await tools.RunAsync("buildah", ["bud", "--pull=false", "-q", "-t", tag, "-f", Path.Combine(full, image.Dockerfile), full], cancellation);
            }

            return tag;
        }

        var name = image.Image ?? throw new ContainerToolException($"job '{job.Name}': its environment has neither an image nor a build context");
        return await ExistsAsync(name, cancellation) ? name : throw new ContainerToolException(
            $"job '{job.Name}': image '{name}' is not in local storage and a local run does not pull images; build it or podman load it first");
    }

    public async Task<int> RunAsync(string image, string containerName, string command, string workingDirectory, string jobFolder,
        IEnumerable<string> readOnlyPaths, IReadOnlyDictionary<string, string> environment, string stdoutPath, string stderrPath,
        CancellationToken cancellation)
    {
        var arguments = new List<string> { "run", "--rm", "--name", containerName, "--network", "none", "-v", $"{jobFolder}:{jobFolder}" };
        foreach (var path in readOnlyPaths.Where(p => File.Exists(p) || Directory.Exists(p)).Distinct(StringComparer.Ordinal)
            .Where(p => !p.StartsWith(jobFolder, StringComparison.Ordinal)))
        {
            arguments.AddRange(["-v", $"{path}:{path}:ro"]);
        }

        foreach (var (name, value) in environment.Where(e => e.Key != "PATH"))
        {
            arguments.AddRange(["-e", $"{name}={value}"]);
        }

        arguments.AddRange(["-w", workingDirectory, image, "/bin/sh", "-c", command]);
        try
        {
            return await StepProcess.RunProgramAsync(ContainerTools.Find("podman") ?? "podman", arguments, jobFolder,
                tools.Configuration.Environment, stdoutPath, stderrPath, cancellation);
        }
        catch (OperationCanceledException)
        {
            // Killing the podman client leaves the container running: remove it too.
            await tools.RunAsync("podman", ["rm", "-f", containerName], CancellationToken.None, check: false);
            throw;
        }
    }

    private async Task<bool> ExistsAsync(string image, CancellationToken cancellation) =>
        (await tools.RunAsync("podman", ["image", "exists", image], cancellation, check: false)).ExitCode == 0;
}
