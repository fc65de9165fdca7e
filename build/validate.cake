// Validate: checks every workspace YAML file against the Azure ML schemas and each other.
// On CI the diagnostics are printed as annotations of the CI system running the build.

Task("Validate")
    .Description("repoml validate: the workspace files are valid Azure ML CLI v2 YAML and consistent.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var args = new List<string> { "validate" };
    if (!string.IsNullOrEmpty(EnvironmentVariable("TF_BUILD")))
    {
        args.AddRange(new[] { "--output", "azure-pipelines" });
    }
    else if (!string.IsNullOrEmpty(EnvironmentVariable("GITHUB_ACTIONS")))
    {
        args.AddRange(new[] { "--output", "github" });
    }

    RepoML(args.ToArray());
});
