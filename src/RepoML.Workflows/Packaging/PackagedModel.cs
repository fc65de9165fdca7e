namespace RepoML.Workflows.Packaging;

/// <summary>A deployment's model files on disk, with what they are: registered name and version, or a path.</summary>
public sealed record PackagedModel(string Folder, string Name, string Reference, string? Version, string Digest);
