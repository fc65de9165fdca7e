namespace RepoML.Core.Schema;

/// <summary>One field of an object schema. <paramref name="Default"/> is documentation of Azure ML's default.</summary>
/// <param name="Name">The YAML key.</param>
/// <param name="Schema">What its value may be.</param>
/// <param name="Required">Whether Azure ML refuses the file without it.</param>
/// <param name="Default">Azure ML's default when the field is absent, as documentation (never applied).</param>
/// <param name="CliFlag">
/// The <c>az ml</c> flag that can supply a required field instead of the file (e.g. <c>--endpoint-name</c>):
/// a missing field is then a warning (RML0108) rather than an error.
/// </param>
public sealed record FieldSchema(string Name, ValueSchema Schema, bool Required = false, string? Default = null, string? CliFlag = null);
