using RepoML.Containers;

namespace RepoML.Containers.Tests;

/// <summary>A fact that is skipped, saying which tools are missing, where buildah, podman or skopeo is not installed.</summary>
public sealed class ContainerFactAttribute : FactAttribute
{
    public ContainerFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "container tests need Linux (buildah, podman, skopeo)";
        }
        else if (ContainerTools.Missing("buildah", "podman", "skopeo", "runc", "docker-registry") is { } missing)
        {
            Skip = missing;
        }
    }
}
