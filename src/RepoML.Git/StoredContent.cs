namespace RepoML.Git;

/// <summary>A version's files as stored: the folder manifest's digest, total size and file count.</summary>
public sealed record StoredContent(string Digest, long Size, int FileCount);
