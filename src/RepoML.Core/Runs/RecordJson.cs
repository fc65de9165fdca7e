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
}
