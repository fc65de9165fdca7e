using RepoML.Containers;

namespace RepoML.Cli.Tests.Support;

/// <summary>A fact that is skipped, saying which tools are missing, where podman, buildah or runc is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PodmanFactAttribute : FactAttribute
{
    public PodmanFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "container isolation needs Linux (podman, buildah)";
        }
        else if (ContainerTools.Missing("buildah", "podman", "runc") is { } missing)
        {
            Skip = missing;
        }
    }
}
