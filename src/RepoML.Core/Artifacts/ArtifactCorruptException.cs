namespace RepoML.Core.Artifacts;

/// <summary>
/// Thrown when an object's content does not hash to the digest it is stored under: the store has
/// been damaged (disk error, hand edit, truncated copy). The object must not be trusted.
/// </summary>
public sealed class ArtifactCorruptException : IOException
{
    /// <summary>Creates the exception for an object whose content hashed to <paramref name="actual"/>.</summary>
    /// <param name="expected">The digest the object is stored under.</param>
    /// <param name="actual">What its content actually hashes to.</param>
    /// <param name="location">Where the object lives (store address or file), for the message.</param>
    /// <param name="remedy">What was done about it or what the user can do; appended to the message.</param>
    public ArtifactCorruptException(Digest expected, Digest actual, string location, string? remedy = null)
        : base($"Artifact {expected} is corrupt in {location}: its content hashes to {actual}." +
               (remedy is null ? string.Empty : " " + remedy))
    {
        Expected = expected;
        Actual = actual;
        Location = location;
    }

    /// <summary>The digest the object is stored under.</summary>
    public Digest Expected { get; }

    /// <summary>The digest of the bytes actually read.</summary>
    public Digest Actual { get; }

    /// <summary>The store or file the object was read from.</summary>
    public string Location { get; }
}
