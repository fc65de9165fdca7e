namespace RepoML.Workflows.Comparison;

/// <summary>
/// Resolves <c>--baseline</c> in this order: a folder or .onnx path; a run id in .repoml/runs; a version number
/// (<c>3</c>) or <c>@LABEL</c> in the registry; else a Git ref, whose registry (first-parent history up to that ref)
/// supplies its latest version. No <c>--baseline</c>: the latest version registered on the default branch, or none.
/// </summary>
public sealed class WorkspaceBaselineResolver(WorkflowContext context, RunArtifacts runs, Func<string?, GitModelRegistry> openRegistry,
    string workspaceRoot) : IBaselineResolver
{
    public async Task<ResolvedModel?> ResolveAsync(string model, string? baseline, CancellationToken cancellationToken = default)
    {
        if (baseline is null)
        {
            return await FromRegistryAsync(model, null, $"{model}@latest", optional: true, cancellationToken);
        }

        var path = context.FullPath(baseline);
        if (Directory.Exists(path) || File.Exists(path))
        {
            return new ResolvedModel(path, baseline);
        }

        if (runs.Find(baseline) is { } run)
        {
            var job = RunArtifacts.ModelJob(run) ?? throw
                WorkflowException.Usage($"run {run.RunId} has no job with a '{RunArtifacts.ModelOutput}' output");
            return new ResolvedModel(await runs.RestoreAsync(run, job.Name, RunArtifacts.ModelOutput, cancellationToken), $"run {run.RunId}",
                run.RunId);
        }

        if (int.TryParse(baseline.TrimStart('v'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return await FromRegistryAsync(model, null, $"{model}:{number}", optional: false, cancellationToken);
        }

        return baseline.StartsWith('@')
            ? await FromRegistryAsync(model, null, model + baseline, optional: false, cancellationToken)
            : await FromRegistryAsync(model, baseline, $"{model}@latest", optional: false, cancellationToken);
    }

    private async Task<ResolvedModel?> FromRegistryAsync(string model, string? gitRef, string reference, bool optional,
        CancellationToken cancellation)
    {
        GitModelRegistry registry;
        try
        {
            registry = openRegistry(gitRef);
        }
        catch (Exception ex) when (optional && ex is not OperationCanceledException)
        {
            await context.Error.WriteLineAsync($"note: no registry to take a baseline from ({ex.Message}); evaluating the candidate alone");
            return null;
        }

        using (registry)
        {
            var asset = registry.Snapshot.Find(AssetKind.Model, model);
            if (asset?.Latest() is null && optional)
            {
                return null; // the model's first version: nothing to compare with
            }

            var version = registry.Resolve(reference);
            var folder = Path.Combine(workspaceRoot, ".repoml", "compare", RegistrationRecord.KeyOf(version.Digest));
            await MaterializedCopy.EnsureAsync(folder, version.Digest, () => registry.DownloadAsync(version.Reference, folder,
                replaceExisting: true, cancellationToken: cancellation), context.Error);

            // The run it came from (when recorded) lets the report show how the baseline was made, if that run is on this machine.
            return new ResolvedModel(folder, $"{version.Name}:{version.Version}" + (gitRef is null ? "" : $" (registry at {gitRef})"),
                version.Record.Run?.RunId, version.Record.Run);
        }
    }
}
