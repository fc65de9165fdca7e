namespace RepoML.Core.Packaging;

/// <summary>
/// The labels (also written as manifest annotations) of a packaged image: OCI pre-defined keys
/// (<c>org.opencontainers.image.*</c>) plus <c>repoml.*</c> lineage keys. Ordered by key, and free of build times,
/// so equal inputs give equal image configs.
/// </summary>
public static class ImageLabels
{
    public const string Prefix = "repoml.";

    public static IReadOnlyList<KeyValuePair<string, string>> Create(PackageLineage lineage)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["org.opencontainers.image.title"] = lineage.ImageName,
            ["org.opencontainers.image.description"] = $"RepoML scoring image for deployment '{lineage.Deployment}' of endpoint '{lineage.Endpoint}'",
            ["org.opencontainers.image.created"] = lineage.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'",
                CultureInfo.InvariantCulture),
            ["org.opencontainers.image.vendor"] = "RepoML",
            ["org.opencontainers.image.base.name"] = lineage.BaseImage,
            ["repoml.version"] = lineage.RepoMLVersion,
            ["repoml.endpoint"] = lineage.Endpoint,
            ["repoml.deployment"] = lineage.Deployment,
            ["repoml.model.name"] = lineage.ModelName,
            ["repoml.model.reference"] = lineage.ModelReference,
            ["repoml.model.digest"] = lineage.ModelDigest,
            ["repoml.model.optimized"] = lineage.ModelOptimized ? "true" : "false",
            ["repoml.source.dirty"] = lineage.Dirty ? "true" : "false",
        };
        Add(labels, "org.opencontainers.image.revision", lineage.Revision);
        Add(labels, "org.opencontainers.image.source", lineage.Source);
        Add(labels, "org.opencontainers.image.version", lineage.ModelVersion);
        Add(labels, "repoml.model.version", lineage.ModelVersion);
        Add(labels, "repoml.source.branch", lineage.Branch);
        Add(labels, "repoml.environment.name", lineage.EnvironmentName);
        Add(labels, "repoml.environment.digest", lineage.EnvironmentDigest);
        return [.. labels];
    }

    private static void Add(SortedDictionary<string, string> labels, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            labels[key] = value;
        }
    }
}
