namespace RepoML.Core.Artifacts;

/// <summary>One file of a stored folder.</summary>
/// <param name="Path">Relative path inside the folder, '/'-separated, with no '.', '..' or empty segments.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="Digest">The content's digest; the object holding the bytes.</param>
public sealed record ArtifactManifestEntry(string Path, long Size, Digest Digest);
