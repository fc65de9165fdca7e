namespace RepoML.Core.Runs;

/// <summary>A registered asset (data, environment, component) a job used, by name, version and content digest.</summary>
public sealed record AssetUse(string Kind, string Name, string? Version, string Digest);
