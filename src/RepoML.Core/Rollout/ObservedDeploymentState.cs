namespace RepoML.Core.Rollout;

/// <summary>One deployment as the live endpoint reports it (its /health/ready <c>models</c> entry).</summary>
/// <param name="Version">The served version; null when the deployment never loaded.</param>
/// <param name="Digest">The digest of the bytes it loaded.</param>
/// <param name="Error">Why its last reload failed, if it did (it keeps its previous model, or serves none).</param>
public sealed record ObservedDeploymentState(string Name, string? Model, string? Version, string? Digest, int Traffic, string? Error);
