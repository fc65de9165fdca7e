namespace RepoML.Core.Runs;

/// <summary>The JSON form RepoML's records share (run records, registration records): snake_case, indented, nulls kept.</summary>
public static class RecordJson
{
    /// <param name="resolver">Source-generated metadata, where the record type has it.</param>
    public static JsonSerializerOptions Options(System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver? resolver = null) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = resolver,
    };

    /// <summary>
    /// <paramref name="options"/>, made strict on read for records in files others may edit: a missing member, or null where the record
    /// holds none, is a <see cref="JsonException"/> (a damaged file), never a record whose nulls fail later.
    /// </summary>
    public static JsonSerializerOptions StrictOnRead(JsonSerializerOptions options)
    {
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        return options;
    }
}
