namespace RepoML.Core.Registry;

/// <summary>The one JSON form of registration records: snake_case, indented, nulls kept, ISO-8601 times.</summary>
public static class RegistrationRecordJson
{
    public static JsonSerializerOptions Options { get; } = Runs.RecordJson.Options(RegistryJsonContext.Default);

    public static string Serialize(RegistrationRecord record) => JsonSerializer.Serialize(record, Options) + "\n";

    /// <summary>Reads a record; a file that is not one raises <see cref="RegistryException"/> naming the path.</summary>
    public static RegistrationRecord Deserialize(string json, string path)
    {
        try
        {
            var record = JsonSerializer.Deserialize<RegistrationRecord>(json, Options);
            if (record is null || record.Schema != RegistrationRecord.CurrentSchema || !Artifacts.Digest.TryParse(record.Digest, out _))
            {
                throw new RegistryException(RegistryErrors.BadRecord, $"{path}: not a {RegistrationRecord.CurrentSchema} record");
            }

            return record with
            {
                Tags = record.Tags ?? new Dictionary<string, string>(),
                Properties = record.Properties ?? new Dictionary<string, string>(),
                Metrics = record.Metrics ?? new Dictionary<string, double>(),
            };
        }
        catch (JsonException ex)
        {
            throw new RegistryException(RegistryErrors.BadRecord, $"{path}: not a registration record: {ex.Message}");
        }
    }
}
