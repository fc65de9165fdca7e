using RepoML.Core.Runs;

namespace RepoML.Core.Profiles;

/// <summary>A profile's JSON form (snake_case, indented, shortest round-trip numbers), read back verified.</summary>
public static class ProfileJson
{
    private static readonly JsonSerializerOptions Options = RecordJson.Options(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());

    public static string Serialize(DataProfile profile) => JsonSerializer.Serialize(profile, Options) + "\n";

    public static string Serialize(ProfileDiff diff) => JsonSerializer.Serialize(diff, Options) + "\n";

    /// <exception cref="DataProfileException">Not JSON, or not a profile of a schema this version reads.</exception>
    public static DataProfile Parse(string json, string source)
    {
        DataProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<DataProfile>(json, Options);
        }
        catch (JsonException e)
        {
            throw new DataProfileException($"{source}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not a data profile: {e.Message}");
        }

        if (profile is null || profile.Schema != DataProfile.CurrentSchema || profile.Columns is null)
        {
            throw new DataProfileException($"{source}: not a data profile (expected \"schema\": \"{DataProfile.CurrentSchema}\")");
        }

        return profile;
    }
}
