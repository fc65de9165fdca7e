namespace RepoML.Core.Rollout;

/// <summary>An endpoint's declared state: its deployments, what each serves, and the traffic split.</summary>
public sealed record EndpointState(string Name, IReadOnlyDictionary<string, int> Traffic, IReadOnlyList<DeploymentState> Deployments)
{
    public int TrafficOf(string deployment) => Traffic.GetValueOrDefault(deployment);

    public DeploymentState? Deployment(string name) => Deployments.FirstOrDefault(d => d.Name == name);
}
