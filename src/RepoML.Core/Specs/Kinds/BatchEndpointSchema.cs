using RepoML.Core.Schema;

namespace RepoML.Core.Specs.Kinds;

/// <summary>Placeholder, replaced by the real Azure ML field list.</summary>
public static class BatchEndpointSchema
{
    public static ObjectSchema Schema { get; } = new("BatchEndpointSchema.Schema", [], AllowUnknown: true);

}
