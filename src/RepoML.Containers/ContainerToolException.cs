namespace RepoML.Containers;

/// <summary>A container tool (buildah, podman, skopeo, …) is missing or failed; the message says which and why.</summary>
public sealed class ContainerToolException(string message) : Exception(message);
