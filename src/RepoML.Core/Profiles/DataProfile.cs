namespace RepoML.Core.Profiles;

/// <summary>
/// A dataset's profile: its row count and one <see cref="ColumnProfile"/> per column, in header order. Computed by
/// <see cref="DataProfiler"/>; the same bytes always give the same figures (nothing depends on threads or clocks).
/// </summary>
public sealed record DataProfile(string Schema, string Source, long Rows, IReadOnlyList<ColumnProfile> Columns)
{
    public const string CurrentSchema = "repoml.profile/v1";

    public ColumnProfile? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>What a column holds: no values, whole numbers, numbers, or text.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColumnType>))]
public enum ColumnType
{
    [JsonStringEnumMemberName("empty")] Empty,
    [JsonStringEnumMemberName("integer")] Integer,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("string")] String,
}
