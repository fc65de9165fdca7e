namespace RepoML.Core.Serving;

/// <summary>A deployment's model as a resolver found it: the local file or folder, and what the registry says it is.</summary>
/// <param name="Path">The local model file or folder.</param>
/// <param name="Name">The registered model's name; null for a local path or an override.</param>
/// <param name="Version">The registered version a reference (pinned, <c>@latest</c> or <c>@label</c>) resolved to.</param>
/// <param name="Digest">The registered content digest, which the server checks against what it loads.</param>
public sealed record ResolvedDeploymentModel(string Path, string? Name = null, int? Version = null, string? Digest = null);
