namespace RepoML.Workflows.Packaging;

/// <summary>What <c>repoml deploy</c> started for an endpoint (<c>.repoml/deploy/ENDPOINT.json</c>), so <c>--down</c> can stop it.</summary>
public sealed record DeploymentRecord(string Endpoint, string Target, IReadOnlyList<DeployedInstance> Instances);
