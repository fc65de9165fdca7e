using System.Text.RegularExpressions;

namespace RepoML.Workflows.Comparison;

/// <summary>
/// Turns the policy's <c>data</c> (or <c>--data</c>) into a CSV path: a path (relative to the policy file, or to the
/// current folder for <c>--data</c>); <c>azureml:NAME[@latest]</c>, a data asset of this workspace; or
/// <c>${{candidate.jobs.JOB.outputs.OUTPUT}}/FILE</c>, an output of the candidate's run (its held-out test split).
/// </summary>
public static partial class EvaluationData
{
    public static async Task<string> ResolveAsync(string data, string baseFolder, string workspaceRoot, ResolvedModel candidate,
        RunArtifacts runs, CancellationToken cancellation)
    {
        if (RunBinding().Match(data.Trim()) is { Success: true } binding)
        {
            var (job, output) = (binding.Groups["job"].Value, binding.Groups["output"].Value);
            var run = candidate.RunId is { } id ? runs.Find(id) : null;
            var folder = (run, candidate.Lineage) switch
            {
                ({ } local, _) => await runs.RestoreAsync(local, job, output, cancellation),
                (null, { } lineage) => await runs.RestoreAsync(lineage, job, output, cancellation),
                _ => throw WorkflowException.Usage($"the evaluation data '{data}' is an output of the candidate's run, but " +
                    (candidate.RunId is { } missing ? $"run {missing} is not in .repoml/runs and no registration recorded its lineage"
                        : "the candidate is a path") + "; pass --candidate RUN_ID or --data CSV"),
            };
            var rest = binding.Groups["rest"].Value.TrimStart('/');
            return rest.Length == 0 ? folder : Path.Combine(folder, rest);
        }

        if (AssetReference.TryParse(data) is { } reference)
        {
            var files = new DiskWorkspaceFiles(workspaceRoot);
            var spec = WorkspaceLoader.Load(files).Assets(SpecKind.Data, reference.Name).OrderByDescending(f => f.Version,
                StringComparer.Ordinal).FirstOrDefault()
                ?? throw WorkflowException.Usage($"the evaluation data '{data}' names no data asset in this workspace");
            var path = spec.Root!.GetString("path") ?? throw WorkflowException.Usage($"{spec.Path}: the data asset has no path");
            return Path.GetFullPath(path, Path.GetDirectoryName(files.Full(spec.Path))!);
        }

        return Path.GetFullPath(data, baseFolder);
    }

    /// <summary>The job and output a <c>${{candidate.jobs.JOB.outputs.OUTPUT}}</c> binding names; null for a path or asset.</summary>
    public static (string Job, string Output)? RunOutput(string data) =>
        RunBinding().Match(data.Trim()) is { Success: true } binding ? (binding.Groups["job"].Value, binding.Groups["output"].Value) : null;

    [GeneratedRegex(@"^\$\{\{\s*candidate\.jobs\.(?<job>[\w-]+)\.outputs\.(?<output>[\w-]+)\s*\}\}(?<rest>/.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RunBinding();
}
