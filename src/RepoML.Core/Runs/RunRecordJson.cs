namespace RepoML.Core.Runs;

/// <summary>The one JSON form of run records: snake_case, indented, ISO-8601 times.</summary>
public static class RunRecordJson
{
    /// <summary>Also for the step cache's entries; strict on read (<see cref="RecordJson.StrictOnRead"/>).</summary>
    public static JsonSerializerOptions Options { get; } = RecordJson.StrictOnRead(RecordJson.Options());

    public static string Serialize(RunRecord record) => JsonSerializer.Serialize(record, Options);

    public static RunRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<RunRecord>(json, Options) ?? throw new JsonException("run record is empty");
}
