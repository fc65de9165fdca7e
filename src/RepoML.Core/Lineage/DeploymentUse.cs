namespace RepoML.Core.Lineage;

/// <summary>
/// A span of history during which an endpoint deployment file's reference resolved to one version: from
/// <see cref="Since"/> (the commit that changed the file, or registered/labelled the version it resolves to) until
/// <see cref="Until"/> (null while it still does at the branch tip).
/// </summary>
public sealed record DeploymentUse(
    string Endpoint, string Deployment, string File, string Reference, RegisteredVersion Version, CommitInfo Since, int SincePosition,
        CommitInfo? Until)
{
    public bool Active => Until is null;

    /// <summary>The history position of <see cref="Until"/>; null while active.</summary>
    public int? UntilPosition { get; init; }
}
