// RepoML's build: thin Cake targets over the `repoml` CLI. Run `dotnet tool restore` once, then
// `dotnet cake` (the whole local loop) or `dotnet cake --target=<Target>`.
// The targets live in build/*.cake; they hold no logic of their own.
#load "build/*.cake"

var target = Argument("target", "Default");

// The whole local loop, in order: validate the workspace, train (cached), compare the new model with the
// latest registered version (gate), register it (a Git commit; a no-op when the model did not change),
// serve the endpoint locally, score its sample request and show the next promotion step against its live
// metrics (a dry run), package its deployments (an OCI image where
// buildah is installed, else the build context), and monitor the data the endpoint collected. CI runs the same targets one by one (azure-pipelines.yml).
Task("Default")
    .IsDependentOn("Validate")
    .IsDependentOn("Train")
    .IsDependentOn("Compare")
    .IsDependentOn("Register")
    .IsDependentOn("DeployLocal")
    .IsDependentOn("PackageLocal")
    .IsDependentOn("Monitor");

RunTarget(target);
