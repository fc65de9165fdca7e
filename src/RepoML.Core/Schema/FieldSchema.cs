namespace RepoML.Core.Schema;

/// <summary>One field of an object schema. <paramref name="Default"/> is documentation of Azure ML's default.</summary>
public sealed record FieldSchema(string Name, ValueSchema Schema, bool Required = false, string? Default = null);
