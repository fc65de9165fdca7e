namespace RepoML.Core.Artifacts;

/// <summary>Thrown when a store holds no object for a digest.</summary>
public sealed class ArtifactNotFoundException : IOException
{
    /// <summary>Creates the exception for <paramref name="digest"/> missing from <paramref name="location"/>.</summary>
    public ArtifactNotFoundException(Digest digest, string location)
        : base($"Artifact {digest} is not in {location}.")
    {
        Digest = digest;
        Location = location;
    }

    /// <summary>The digest that was asked for.</summary>
    public Digest Digest { get; }

    /// <summary>The store that was asked.</summary>
    public string Location { get; }
}
