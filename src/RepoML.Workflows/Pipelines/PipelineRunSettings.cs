namespace RepoML.Workflows.Pipelines;

/// <summary>What a pipeline run works with: the workspace, the artifact store, and how to run.</summary>
/// <param name="InContainers">Run each step in its environment's image with podman (<c>--isolation container</c>).</param>
/// <param name="ToolAssembly">The <c>repoml</c> assembly that steps call through the shim on their PATH (the running build).</param>
public sealed record PipelineRunSettings(
    DiskWorkspaceFiles Files,
    Workspace Workspace,
    IArtifactStore Store,
    TimeProvider Time,
    IRunObserver Observer,
    bool ForceRerun,
    int MaxParallel,
    string ToolAssembly,
    bool InContainers = false);
