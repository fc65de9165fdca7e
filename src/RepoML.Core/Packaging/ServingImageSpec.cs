namespace RepoML.Core.Packaging;

/// <summary>What the Dockerfile of an ONNX deployment image needs: lineage (labels), port, probe routes, base image.</summary>
/// <param name="CustomScorer">For a deployment served by a custom .NET scorer: its assembly's file name (in <see
/// cref="ImageLayout.CodeFolder"/>); else null.</param>
public sealed record ServingImageSpec(PackageLineage Lineage, int Port, string LivenessPath, string ReadinessPath, string ScoringPath,
    string? CustomScorer = null)
{
    public static ServingImageSpec For(PackageLineage lineage, int port = ImageLayout.DefaultPort, string? customScorer = null) =>
        new(lineage, port, "/health/live", "/health/ready", "/score", customScorer);
}
