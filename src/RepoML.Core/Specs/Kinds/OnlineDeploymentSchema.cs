using RepoML.Core.Schema;

namespace RepoML.Core.Specs.Kinds;

/// <summary>Placeholder, replaced by the real Azure ML field list.</summary>
public static class OnlineDeploymentSchema
{
    public static ObjectSchema Managed { get; } = new("OnlineDeploymentSchema.Managed", [], AllowUnknown: true);

    public static ObjectSchema Kubernetes { get; } = new("OnlineDeploymentSchema.Kubernetes", [], AllowUnknown: true);

}
