namespace RepoML.Core.Rollout;

/// <summary>One deployment, desired beside observed, and every way they differ (none: in sync).</summary>
public sealed record DeploymentSync(string Name, DesiredDeployment? Desired, ObservedDeploymentState? Observed, IReadOnlyList<string> Differences)
{
    public bool InSync => Differences.Count == 0;
}
