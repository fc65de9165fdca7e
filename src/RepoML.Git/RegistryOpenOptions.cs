using RepoML.Core.Artifacts;

namespace RepoML.Git;

/// <summary>How to open a <see cref="GitModelRegistry"/>: the registry branch, the history reader, the artifact store.</summary>
public sealed record RegistryOpenOptions(string? Branch = null, GitBackend? Backend = null, IArtifactStore? Store = null);
