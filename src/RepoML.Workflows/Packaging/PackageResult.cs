namespace RepoML.Workflows.Packaging;

/// <summary>What packaging produced: the context folder, and when built, the image, its digest, size and where it went.</summary>
public sealed record PackageResult(
    string Deployment,
    string ContextFolder,
    PackageLineage Lineage,
    string LocalImage,
    string? ImageId,
    string? ArchivePath,
    string? ArchiveDigest,
    string? PushedReference,
    string? PushedDigest,
    long? ImageBytes,
    OnnxOptimizationReport? Optimization,
    string? Note);
