// Site: writes the registry as a static site (`repoml site`) to artifacts/site: every model, data asset and environment
// with its versions, lineage graphs, the runs table and comparison, endpoints and their traffic over time, data profiles.
// It opens from file:// and publishes to any static host (CI uploads it as an artifact). Pages whose content did not
// change are left as they are, so a rebuild after one registration rewrites a handful of files.
// Arguments: --site-out=DIR (default artifacts/site), --site-title=TEXT.

var siteOut = Argument("site-out", "artifacts/site");
var siteTitle = Argument("site-title", "");

Task("Site")
    .Description("Writes the registry site (models, versions, lineage, runs, endpoints, data profiles) to artifacts/site.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var args = new List<string> { "site", "--out", siteOut };
    if (siteTitle.Length > 0) { args.AddRange(new[] { "--title", siteTitle }); }
    RepoML(args.ToArray());
});
