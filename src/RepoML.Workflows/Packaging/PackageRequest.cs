namespace RepoML.Workflows.Packaging;

/// <summary>What <c>repoml package</c> was asked to do for one deployment.</summary>
/// <param name="Registry">HOST/REPO to push to (the image name and tag are appended), or null.</param>
/// <param name="Server">A folder with RepoML.Serving published for linux-x64 (framework-dependent); null takes the one this repoml carries.</param>
public sealed record PackageRequest(
    string EndpointFolder,
    string Deployment,
    string OutputFolder,
    string? Registry,
    string? Archive,
    bool ContextOnly,
    bool Report,
    bool Optimize,
    string? Model,
    string? Server,
    string? BaseImage,
    string? Tag);
