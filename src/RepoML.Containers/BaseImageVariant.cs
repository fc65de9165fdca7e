namespace RepoML.Containers;

/// <summary>How a local base image is made where no registry can be reached.</summary>
public enum BaseImageVariant
{
    /// <summary>Only the shared libraries the .NET server loads (ldd closure), no shell: ~10 MB before the runtime.</summary>
    Distroless,

    /// <summary><c>debootstrap --variant=minbase bookworm</c>: a Debian with a shell and apt, ~120 MB.</summary>
    Minbase,
}
