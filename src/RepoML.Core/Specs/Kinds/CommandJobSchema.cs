using RepoML.Core.Schema;

namespace RepoML.Core.Specs.Kinds;

/// <summary>Placeholder, replaced by the real Azure ML field list.</summary>
public static class CommandJobSchema
{
    public static ObjectSchema Schema { get; } = new("CommandJobSchema.Schema", [], AllowUnknown: true);

}
