namespace RepoML.Workflows.Packaging;

/// <summary>What <c>repoml package</c> was asked, for every deployment of an endpoint (or one).</summary>
/// <param name="OutputFolder">Only with one deployment: its output folder (default .repoml/package/ENDPOINT/DEPLOYMENT).</param>
/// <param name="Archive">Only with one deployment: where the OCI archive goes.</param>
public sealed record EndpointPackageRequest(
    string Endpoint, string? Deployment, string? OutputFolder, string? Registry, string? Archive, bool ContextOnly, bool Report, bool Optimize,
    string? Model, string? Server, string? BaseImage, string? Tag, bool Verbose);
