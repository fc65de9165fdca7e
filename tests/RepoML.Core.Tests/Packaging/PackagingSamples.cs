namespace RepoML.Core.Tests.Packaging;

/// <summary>A fixed lineage for the packaging tests: no clock, no machine facts.</summary>
internal static class PackagingSamples
{
    public static PackageLineage Lineage(string? version = "3", bool optimized = true) => new(
        "credit", "blue", "4672ea5f0d1c2b3a4e5f60718293a4b5c6d7e8f9", "https://github.com/example/repoml.git", "main", Dirty: false,
        new DateTimeOffset(2025, 5, 20, 12, 30, 0, TimeSpan.Zero), "credit", "azureml:credit@latest", version,
        "sha256:" + new string('a', 64), optimized, "onnx-serving", "sha256:" + new string('b', 64), "0.1.0", "localhost/repoml/base:distroless");
}
