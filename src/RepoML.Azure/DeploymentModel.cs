namespace RepoML.Azure;

/// <summary>A registered model version a deployment serves, as RepoML's registry knows it: its files are the store object <see cref="Digest"/>.</summary>
public sealed record DeploymentModel(string Name, int Version, string Digest, string? Description, IReadOnlyDictionary<string, string> Tags);
