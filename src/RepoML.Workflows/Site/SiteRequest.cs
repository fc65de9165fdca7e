namespace RepoML.Workflows.Site;

/// <summary>What <c>repoml site</c> was asked to do: the output folder (default <c>artifacts/site</c> under the workspace), the branch
/// whose registry to show, and the site's title.</summary>
public sealed record SiteRequest(string? Out, string? Branch, string? Title);

/// <summary>What a build of the site did: pages in total, and how many were written, left as they were, or removed.</summary>
public sealed record SiteResult(string Folder, int Pages, int Written, int Unchanged, int Removed, int Versions, IReadOnlyList<string> Problems);
