namespace RepoML.Workflows.Pipelines;

/// <summary>What <c>repoml run</c> was asked.</summary>
/// <param name="Sets">Input overrides, each <c>inputs.NAME=VALUE</c>.</param>
/// <param name="Store">Artifact store address (null: REPOML_STORE, else .repoml/store).</param>
/// <param name="ToolAssembly">The <c>repoml</c> assembly that steps call through the shim on their PATH.</param>
public sealed record PipelineRunRequest(
    string Pipeline, IReadOnlyList<string> Sets, bool ForceRerun, int MaxParallel, string? Store, string ToolAssembly, bool InContainers = false);
