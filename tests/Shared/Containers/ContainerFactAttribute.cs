using RepoML.Containers;

namespace RepoML.Tests.Shared;

/// <summary>
/// A fact that needs the daemonless container tools: skipped, saying which are missing and how to install them, off Linux
/// or where one of <c>tools</c> is not installed (by default everything the image tests use).
/// </summary>
public sealed class ContainerFactAttribute(params string[] tools) : InstalledFactAttribute(Missing(tools))
{
    /// <summary>What building, pushing and running the packaged images needs.</summary>
    public static readonly string[] ImageTools = ["buildah", "podman", "skopeo", "runc", "docker-registry"];

    private static string? Missing(string[] tools)
    {
        var needed = tools.Length == 0 ? ImageTools : tools;
        return OperatingSystem.IsLinux()
            ? ContainerTools.Missing(needed)
            : $"container tests need Linux ({string.Join(", ", needed)})";
    }
}
