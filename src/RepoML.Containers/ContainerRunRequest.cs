namespace RepoML.Containers;

/// <summary>One container to start with podman on the host network (traffic stays on 127.0.0.1).</summary>
/// <param name="Mounts">Host path → container path, mounted read-only.</param>
public sealed record ContainerRunRequest(
    string Image,
    string Name,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string> Mounts);
