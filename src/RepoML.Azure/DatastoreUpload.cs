namespace RepoML.Azure;

/// <summary>One file RepoML puts in the workspace's datastore: where from, where to, its sha256, and whether an identical copy was already there.</summary>
public sealed record DatastoreUpload(string Source, string Destination, string Sha256, long Size, bool AlreadyThere);
