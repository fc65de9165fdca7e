namespace RepoML.Workflows.Rollout;

/// <summary>What <c>repoml status endpoints/NAME</c> found: each deployment as Git says it and as the live endpoint serves it.</summary>
/// <param name="Folder">The endpoint folder, relative to the workspace root.</param>
/// <param name="Address">The live endpoint's address that was read; null when none is known.</param>
/// <param name="Desired">Each deployment as the endpoint files (and the registry) say.</param>
public sealed record EndpointStatus(string Endpoint, string Folder, string? Address, IReadOnlyList<DesiredDeployment> Desired, LiveState Live)
{
    /// <summary>Why the command fails: the live endpoint disagrees with Git, or could not be read.</summary>
    public WorkflowFailure? Failure => Live.InSync ? null : WorkflowFailure.Invalid;
}
