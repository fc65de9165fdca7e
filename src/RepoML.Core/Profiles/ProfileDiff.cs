namespace RepoML.Core.Profiles;

/// <summary>How a dataset changed between two profiles: rows, and each column's change with its drift figures.</summary>
public sealed record ProfileDiff(string Before, string After, long RowsBefore, long RowsAfter, IReadOnlyList<ColumnDiff> Columns)
{
    /// <summary>Columns whose change is worth a look: added, removed, retyped, or drifted (PSI ≥ 0.1).</summary>
    public IEnumerable<ColumnDiff> Notable => Columns.Where(c => c.Change != ColumnChange.Same || c.Psi >= ColumnDiff.NotablePsi);
}

[JsonConverter(typeof(JsonStringEnumConverter<ColumnChange>))]
public enum ColumnChange
{
    [JsonStringEnumMemberName("same")] Same,
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("removed")] Removed,
    [JsonStringEnumMemberName("retyped")] Retyped,
}

/// <summary>
/// One column's change. <see cref="Psi"/> (population stability index) and <see cref="JensenShannon"/> (distance, natural
/// log) compare the two distributions: numbers through values rebuilt from each profile (exact for few distinct values, else
/// spread evenly within each histogram bin) and binned as the monitor bins them (equal-width over both, Sturges' count, or per
/// value for at most 20 distinct values), text through the shares of the most frequent values plus one "other" share.
/// </summary>
public sealed record ColumnDiff(
    string Name,
    ColumnChange Change,
    ColumnType? TypeBefore,
    ColumnType? TypeAfter,
    double? MissingShareDelta,
    double? MeanBefore,
    double? MeanAfter,
    long? DistinctBefore,
    long? DistinctAfter,
    double? Psi,
    double? JensenShannon)
{
    public const double NotablePsi = 0.1;
}
