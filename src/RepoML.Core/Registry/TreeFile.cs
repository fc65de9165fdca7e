namespace RepoML.Core.Registry;

/// <summary>A file in a commit's tree: its repository path and blob id.</summary>
public sealed record TreeFile(string Path, string BlobId);
