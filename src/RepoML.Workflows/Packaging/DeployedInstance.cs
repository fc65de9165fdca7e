namespace RepoML.Workflows.Packaging;

/// <summary>One running server: a podman container (by name) or a local process (by pid), and where it listens.</summary>
public sealed record DeployedInstance(string Deployment, string Url, string? Container, int? ProcessId, string? Image);
