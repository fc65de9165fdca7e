namespace RepoML.Core.Runs;

/// <summary>The one JSON form of run records: snake_case, indented, ISO-8601 times.</summary>
public static class RunRecordJson
{
    public static JsonSerializerOptions Options { get; } = RecordJson.Options();

    public static string Serialize(RunRecord record) => JsonSerializer.Serialize(record, Options);

    public static RunRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<RunRecord>(json, Options) ?? throw new JsonException("run record is empty");
}
