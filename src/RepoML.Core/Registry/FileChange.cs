namespace RepoML.Core.Registry;

/// <summary>One file a commit changed; <see cref="BlobId"/> is the new content (null when deleted).</summary>
public sealed record FileChange(string Path, FileChangeKind Kind, string? BlobId);
