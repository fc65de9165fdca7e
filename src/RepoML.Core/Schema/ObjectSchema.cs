namespace RepoML.Core.Schema;

/// <summary>A mapping with known fields. Unknown fields are errors unless <paramref name="AllowUnknown"/>.</summary>
public sealed record ObjectSchema(string Name, IReadOnlyList<FieldSchema> Fields, bool AllowUnknown = false) : ValueSchema
{
    private Dictionary<string, FieldSchema>? byName;

    public FieldSchema? Field(string name)
    {
        byName ??= Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        return byName.GetValueOrDefault(name);
    }

    /// <summary>A copy with more fields; later fields replace earlier ones of the same name.</summary>
    public ObjectSchema With(string name, params FieldSchema[] extra) =>
        new(name, Fields.Where(f => extra.All(e => e.Name != f.Name)).Concat(extra).ToArray(), AllowUnknown);

    public override string Describe() => Name;
}
