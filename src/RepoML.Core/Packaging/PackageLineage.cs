namespace RepoML.Core.Packaging;

/// <summary>Where a packaged deployment came from: code, model, environment and tool. Becomes the image's labels.</summary>
/// <param name="Revision">The Git commit the image is built from; null outside a repository.</param>
/// <param name="Source">The repository's address (remote URL); null when it has none.</param>
/// <param name="Dirty">True when tracked files differ from <paramref name="Revision"/>: the image is then not reproducible from the commit
/// alone.</param>
/// <param name="Created">The commit's time: the image's creation time, so rebuilding the commit gives the same image.</param>
/// <param name="ModelReference">The model as the deployment names it (<c>azureml:credit@latest</c> or a path).</param>
/// <param name="ModelVersion">The registered version it resolved to; null for a model given as a path.</param>
/// <param name="ModelDigest">The content digest of the model files (before optimisation).</param>
public sealed record PackageLineage(
    string Endpoint,
    string Deployment,
    string? Revision,
    string? Source,
    string? Branch,
    bool Dirty,
    DateTimeOffset Created,
    string ModelName,
    string ModelReference,
    string? ModelVersion,
    string ModelDigest,
    bool ModelOptimized,
    string? EnvironmentName,
    string? EnvironmentDigest,
    string RepoMLVersion,
    string BaseImage)
{
    /// <summary>The default image repository name: <c>endpoint-deployment</c>.</summary>
    public string ImageName => ImageReference.SafeName($"{Endpoint}-{Deployment}");

    /// <summary>The default tag: the model version when there is one, else the short revision, else <c>local</c>.</summary>
    public string DefaultTag => ModelVersion is { } v ? $"{ImageReference.SafeName(ModelName)}-{v}" : Revision is { Length: >= 12 } r ? r[..12]
        : "local";
}
