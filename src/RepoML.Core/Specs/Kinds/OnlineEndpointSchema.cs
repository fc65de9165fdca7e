using RepoML.Core.Schema;

namespace RepoML.Core.Specs.Kinds;

/// <summary>Placeholder, replaced by the real Azure ML field list.</summary>
public static class OnlineEndpointSchema
{
    public static ObjectSchema Managed { get; } = new("OnlineEndpointSchema.Managed", [], AllowUnknown: true);

    public static ObjectSchema Kubernetes { get; } = new("OnlineEndpointSchema.Kubernetes", [], AllowUnknown: true);

}
