// Compare: the model of the latest Train run (the candidate) against the previous registered version (the
// baseline: latest version on the default branch, or --baseline=VERSION|@LABEL|GIT_REF), gated by
// models/<model>.compare.yml. Writes artifacts/compare/<model>.{md,html,json}; exit code 4 (gate failed) fails
// the target. In CI it also publishes: Azure Pipelines (TF_BUILD) gets a build summary and annotations; a GitHub
// pull request (--github-pr=N or REPOML_GITHUB_PR, with GITHUB_TOKEN) gets one comment per model and a status.

var compareModel = Argument("model", $"models/{WorkspaceModel()}.yml");
var compareCandidate = Argument("candidate", "latest");
var compareBaseline = Argument("baseline", EnvironmentVariable("REPOML_BASELINE") ?? "");
var compareGitHubPr = Argument("github-pr", EnvironmentVariable("REPOML_GITHUB_PR") ?? "");

Task("Compare")
    .Description("Compares the latest Train run's model with the previous version and applies the gate (repoml compare).")
    .IsDependentOn("Train")
    .Does(() =>
{
    var name = System.IO.Path.GetFileNameWithoutExtension(compareModel);
    var report = $"artifacts/compare/{name}";
    var args = new List<string>
    {
        "compare", compareModel, "--candidate", compareCandidate,
        "--report-md", report + ".md", "--report-html", report + ".html", "--report-json", report + ".json",
    };
    if (!string.IsNullOrEmpty(compareBaseline))
    {
        args.AddRange(new[] { "--baseline", compareBaseline });
    }

    if (!string.IsNullOrEmpty(EnvironmentVariable("TF_BUILD")))
    {
        args.Add("--azure-pipelines");
    }
    else if (!string.IsNullOrEmpty(EnvironmentVariable("GITHUB_ACTIONS")))
    {
        args.AddRange(new[] { "--output", "github" });
    }

    if (!string.IsNullOrEmpty(compareGitHubPr))
    {
        args.AddRange(new[] { "--github-pr", compareGitHubPr });
    }

    try
    {
        RepoML(args.ToArray());
    }
    catch
    {
        // Exit code 4 (a gate failed) or another failure: say where the report is before the build stops.
        Error("Compare failed; the report is {0} (and .md, .json)", MakeAbsolute(File(report + ".html")).FullPath);
        throw;
    }
});
