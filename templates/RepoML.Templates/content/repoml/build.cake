// This workspace's build: thin Cake targets over the repoml tool (build/*.cake, from the RepoML.Templates package).
// `dotnet tool restore` once, then `dotnet cake` (the whole loop) or `dotnet cake --target=<Target>`:
// Validate, Train, Compare, Register, Site, DeployLocal, PackageLocal, Package, Deploy, Promote, Monitor.
#load "build/*.cake"

var target = Argument("target", "Default");

/// <summary>The workspace's model (models/repomlmodel.yml): the targets' default; --model=models/X.yml overrides it.</summary>
string WorkspaceModel() => "repomlmodel";

/// <summary>The workspace's online endpoint (endpoints/repomlmodel): the targets' default; --endpoint overrides it.</summary>
string WorkspaceEndpoint() => "repomlmodel";

Task("Build")
    .Description("dotnet build: validates the specs through MSBuild (RepoML.Build), as an IDE does; the tool comes from dotnet tool restore.")
    .Does(() => DotNetBuild(".", new DotNetBuildSettings { NoLogo = true, Verbosity = DotNetVerbosity.Minimal }));

// The whole loop: validate, train (cached), compare with the latest registered version (gate), register (a Git commit;
// a no-op when the model did not change), serve locally and score the sample request, package, monitor.
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
