// Reports: the end of every run lists what this run wrote for people to look at (HTML reports first, then Markdown
// and JSON, then image archives), with full paths to open; nothing is listed when a run wrote no report.

var reportsRunStarted = DateTime.UtcNow;

// The tasks this run executed, so the site is listed only when the Site target ran.
var reportsTasksRun = new List<string>();
TaskTeardown(task => reportsTasksRun.Add(task.Task.Name));

Teardown(context =>
{
    var patterns = new[]
    {
        "artifacts/**/*.html", "artifacts/**/*.md", "artifacts/**/*.json", ".repoml/package/*/*/image.oci.tar",
    };
    var written = patterns
        .SelectMany(pattern => GetFiles(pattern))
        .Select(file => MakeAbsolute(file).FullPath)
        .Where(path => !path.Contains("/artifacts/packages/") && !path.Contains("/artifacts/tool/"))
        // The registry site has a page per version: name its front page only (whenever the Site target ran).
        .Where(path => !path.Contains("/artifacts/site/"))
        .Where(path => System.IO.File.GetLastWriteTimeUtc(path) >= reportsRunStarted.AddSeconds(-1))
        .Distinct()
        .ToList();
    var siteIndex = MakeAbsolute(File("artifacts/site/index.html")).FullPath;
    if (reportsTasksRun.Contains("Site") && System.IO.File.Exists(siteIndex))
    {
        written.Insert(0, siteIndex);
    }

    if (written.Count == 0)
    {
        return;
    }

    Information("");
    Information("Reports of this run:");
    foreach (var path in written)
    {
        Information("  {0}", path);
    }
});
