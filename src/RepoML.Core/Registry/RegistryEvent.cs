namespace RepoML.Core.Registry;

/// <summary>
/// One change to an asset, in first-parent order: a version registered, a label set or removed, a version archived
/// or restored. <see cref="Key"/> is the version's record key (null when a label is removed).
/// </summary>
public sealed record RegistryEvent(int Position, CommitInfo Commit, RegistryEventType Type, string? Key, string? Label);
