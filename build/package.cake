// Package: builds a reproducible OCI image per deployment of the sample endpoint with `repoml package`
// (buildah, no Docker engine), after `repoml base-image prepare` made a local base where none is given.
//   dotnet cake --target=Package [--endpoint=endpoints/NAME] [--registry=HOST/REPO] [--report=true]
// Pushing: set --registry (e.g. myacr.azurecr.io/repoml after `az acr login`) and REPOML_BASE_IMAGE to a base
// the builder can pull (e.g. mcr.microsoft.com/dotnet/runtime-deps:10.0); without it the local distroless base is used.

var packageEndpoint = Argument("endpoint", $"endpoints/{WorkspaceEndpoint()}");
var packageRegistry = Argument("registry", EnvironmentVariable("REPOML_REGISTRY") ?? "");
var packageReport = Argument("report", true);

Task("BaseImage")
    .Description("Prepares the local distroless base image and a registry on 127.0.0.1:5055 (skipped when REPOML_BASE_IMAGE is set).")
    .IsDependentOn("Build")
    .WithCriteria(() => string.IsNullOrEmpty(EnvironmentVariable("REPOML_BASE_IMAGE")), "REPOML_BASE_IMAGE is set")
    .Does(() => RepoML("base-image", "prepare"));

Task("Package")
    .Description("Packages every deployment of the endpoint as an OCI image (archive under .repoml/package, pushed with --registry).")
    .IsDependentOn("BaseImage")
    .Does(() =>
{
    var args = new List<string> { "package", packageEndpoint };
    if (!string.IsNullOrEmpty(packageRegistry))
    {
        args.AddRange(new[] { "--registry", packageRegistry });
    }

    if (packageReport)
    {
        args.Add("--report");
    }

    RepoML(args.ToArray());
});

Task("Deploy")
    .Description("Runs the packaged images with podman on 127.0.0.1 and smoke-tests them with the sample request (stop: repoml deploy ENDPOINT --down).")
    .IsDependentOn("Package")
    .Does(() => RepoML("deploy", packageEndpoint, "--target", "container"));

Task("PackageLocal")
    .Description("Packages the endpoint's deployments: OCI images where buildah, podman and skopeo are installed, else the build contexts only.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var builders = new[] { "buildah", "podman", "skopeo" };
    var missing = builders.Where(tool => Context.Tools.Resolve(tool) is null).ToList();
    if (missing.Count > 0)
    {
        Warning("{0} not installed: writing build contexts only (apt-get install buildah podman skopeo runc builds the images).", string.Join(", ", missing));
        RepoML("package", packageEndpoint, "--context-only");
        return;
    }

    if (string.IsNullOrEmpty(EnvironmentVariable("REPOML_BASE_IMAGE")))
    {
        RepoML("base-image", "prepare");
    }

    RepoML("package", packageEndpoint, "--report");
});
