namespace RepoML.Core.Specs.Kinds;

/// <summary>Deployment name to whole percentage maps of online endpoints (<c>traffic</c>, <c>mirror_traffic</c>).</summary>
public static class TrafficSchema
{
    /// <summary>Each value is a whole percentage; sums and the mirror limit are checked with the endpoint's deployments.</summary>
    public static MapSchema Percentages { get; } = new(new IntegerSchema(0, 100));
}
