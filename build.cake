// RepoML's build: thin Cake targets over the `repoml` tool (build/*.cake, the same files `dotnet new repoml` puts in
// a workspace), plus the toolkit's own packaging (build/toolkit/*.cake). Run `dotnet tool restore` once, then
// `dotnet cake` (the whole local loop on the sample workspace) or `dotnet cake --target=<Target>`.
// Build packs the tool from src/ and installs it into artifacts/tool, so every target runs the packaged tool.
#load "build/*.cake"
#load "build/toolkit/*.cake"

var target = Argument("target", "Default");

/// <summary>The sample workspace's model (models/credit.yml): the targets' default.</summary>
string WorkspaceModel() => "credit";

/// <summary>The sample workspace's online endpoint (endpoints/credit): the targets' default.</summary>
string WorkspaceEndpoint() => "credit";

// The whole local loop, in order: validate the workspace, train (cached), compare the new model with the
// latest registered version (gate), register it (a Git commit; a no-op when the model did not change),
// serve the endpoint locally, score its sample request and show the next promotion step against its live
// metrics (a dry run), package its deployments (an OCI image where buildah is installed, else the build context),
// and monitor the data the endpoint collected. CI runs the same targets one by one.
Task("Default")
    .IsDependentOn("Validate")
    .IsDependentOn("Train")
    .IsDependentOn("Compare")
    .IsDependentOn("Register")
    .IsDependentOn("Site")
    .IsDependentOn("DeployLocal")
    .IsDependentOn("PackageLocal")
    .IsDependentOn("Monitor");

RunTarget(target);
