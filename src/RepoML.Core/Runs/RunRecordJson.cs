namespace RepoML.Core.Runs;

/// <summary>The one JSON form of run records: snake_case, indented, ISO-8601 times.</summary>
public static class RunRecordJson
{
    /// <summary>
    /// Also for the step cache's entries. Strict on read: a record missing a member, or with null where the record holds none, is a
    /// <see cref="JsonException"/> (a damaged file), never a record whose nulls fail later.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Strict(RecordJson.Options());

    private static JsonSerializerOptions Strict(JsonSerializerOptions options)
    {
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        return options;
    }

    public static string Serialize(RunRecord record) => JsonSerializer.Serialize(record, Options);

    public static RunRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<RunRecord>(json, Options) ?? throw new JsonException("run record is empty");
}
