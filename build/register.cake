// Register: registers the workspace's model from the latest completed Train run as the next version of
// models/NAME.yml. The version number comes from Git history (docs/registry.md): run it on the default
// branch (CI does, on main only) and push the registration commit it creates. Elsewhere use
// `--target=Register --dry-run=true` to see which version the model would become.

Task("Register")
    .Description("repoml register models/NAME.yml --from-run latest: records the next model version in Git.")
    .IsDependentOn("Build")
    .Does(() =>
{
    // --commit-files: the model's files travel with its record, so every clone can compare against it and serve it even where
    // training does not reproduce the same bytes (another CPU); models over 16 MiB belong in a team store (repoml store push).
    // --commit-files=false leaves them to a team store.
    var args = new List<string> { "register", $"models/{WorkspaceModel()}.yml", "--from-run", "latest", "--job", "train", "--job-output", "model" };
    if (Argument("commit-files", true))
    {
        args.Add("--commit-files");
    }

    if (HasArgument("dry-run") && Argument("dry-run", false))
    {
        args.Add("--dry-run");
    }

    if (!args.Contains("--dry-run"))
    {
        // Said before the commit is made (issue 18: a local run committed to the current branch silently).
        IEnumerable<string> branch;
        StartProcess("git", new ProcessSettings { Arguments = "rev-parse --abbrev-ref HEAD", RedirectStandardOutput = true }, out branch);
        Information("Register: committing the next version of models/{0}.yml to branch '{1}' (a registration record; push it to share). " +
            "Preview only with --dry-run=true.", WorkspaceModel(), branch.FirstOrDefault() ?? "?");
    }

    var message = Argument("message", EnvironmentVariable("BUILD_SOURCEVERSIONMESSAGE") ?? "");
    if (message.Length > 0)
    {
        args.AddRange(new[] { "--message", message });
    }

    RepoML(args.ToArray());
});
