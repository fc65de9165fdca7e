namespace RepoML.Core.Specs.Kinds;

/// <summary>Container requests and limits of a Kubernetes online deployment (Kubernetes quantities such as <c>0.5</c>, <c>200Mi</c>).</summary>
public static class KubernetesResourcesSchema
{
    private static readonly ObjectSchema Quantities = new("Kubernetes resource quantities",
    [
        new("cpu", new StringSchema()),
        new("memory", new StringSchema()),
        new("gpu", new StringSchema()),
        new("nvidia.com/gpu", new StringSchema()),
    ]);

    public static ObjectSchema Schema { get; } = new("resources",
    [
        new("requests", Quantities),
        new("limits", Quantities),
    ]);
}
