namespace RepoML.Core.Schema;

/// <summary>
/// A mapping whose <paramref name="Discriminator"/> field (usually <c>type</c>) picks its object schema, as
/// Azure ML does for inputs, outputs and jobs. <paramref name="DefaultCase"/> applies when the field is absent.
/// </summary>
public sealed record DiscriminatedSchema(
    string Name,
    string Discriminator,
    IReadOnlyDictionary<string, ObjectSchema> Cases,
    string? DefaultCase) : ValueSchema
{
    public override string Describe() => Name;
}
