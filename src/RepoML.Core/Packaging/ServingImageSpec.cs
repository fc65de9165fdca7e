namespace RepoML.Core.Packaging;

/// <summary>What the Dockerfile of an ONNX deployment image needs: lineage (labels), port, probe routes, base image.</summary>
public sealed record ServingImageSpec(PackageLineage Lineage, int Port, string LivenessPath, string ReadinessPath, string ScoringPath)
{
    public static ServingImageSpec For(PackageLineage lineage, int port = ImageLayout.DefaultPort) =>
        new(lineage, port, "/health/live", "/health/ready", "/score");
}
