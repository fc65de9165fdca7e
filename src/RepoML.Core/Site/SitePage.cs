namespace RepoML.Core.Site;

/// <summary>One generated file of the site: its path under the site folder (forward slashes) and its text.</summary>
public sealed record SitePage(string Path, string Title, string Content);
