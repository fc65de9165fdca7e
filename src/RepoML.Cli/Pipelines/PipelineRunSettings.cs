using RepoML.Cli.Infrastructure;
using RepoML.Core.Artifacts;
using RepoML.Core.Workspace;

namespace RepoML.Cli.Pipelines;

/// <summary>What a pipeline run works with: the workspace, the artifact store, and how to run.</summary>
public sealed record PipelineRunSettings(
    DiskWorkspaceFiles Files,
    Workspace Workspace,
    IArtifactStore Store,
    TimeProvider Time,
    IRunObserver Observer,
    bool ForceRerun,
    int MaxParallel);
