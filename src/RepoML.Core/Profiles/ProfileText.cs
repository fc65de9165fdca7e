namespace RepoML.Core.Profiles;

/// <summary>Profiles and profile diffs as plain text tables for a terminal.</summary>
public static class ProfileText
{
    public static void Write(TextWriter output, DataProfile profile)
    {
        output.WriteLine($"{profile.Source}: {profile.Rows:N0} rows, {profile.Columns.Count} columns");
        output.WriteLine($"  {"column",-24} {"type",-8} {"missing",8} {"distinct",9}  summary");
        foreach (var c in profile.Columns)
        {
            var summary = c.Numeric is { } n
                ? $"min {F(n.Min)}  p50 {F(n.Quantiles.First(q => q.P == 0.5).Value)}  max {F(n.Max)}  mean {F(n.Mean)}  std {F(n.Std)}"
                : string.Join("  ", c.Top.Take(3).Select(t => $"{t.Value} {t.Share:P0}"));
            output.WriteLine($"  {Clip(c.Name),-24} {Word(c.Type),-8} {c.MissingShare,8:P1} {c.Distinct,9:N0}  {summary}");
        }
    }

    public static void Write(TextWriter output, ProfileDiff diff)
    {
        output.WriteLine($"{diff.Before} → {diff.After}: rows {diff.RowsBefore:N0} → {diff.RowsAfter:N0}");
        output.WriteLine($"  {"column",-24} {"change",-8} {"missing Δ",10} {"mean",25} {"PSI",8} {"JS",7}");
        foreach (var c in diff.Columns)
        {
            var mean = c.MeanBefore is null && c.MeanAfter is null ? "" : $"{F(c.MeanBefore)} → {F(c.MeanAfter)}";
            output.WriteLine($"  {Clip(c.Name),-24} {Change(c),-8} {(c.MissingShareDelta is { } m ? m.ToString("+0.0%;-0.0%;0.0%",
                CultureInfo.InvariantCulture) : ""),10} {mean,25} {F(c.Psi),8} {F(c.JensenShannon),7}" +
                (c.Psi >= ColumnDiff.NotablePsi ? "  drifted" : ""));
        }
    }

    public static string Word(ColumnType type) => type.ToString().ToLowerInvariant();

    public static string Change(ColumnDiff c) => c.Change == ColumnChange.Retyped ? $"{Word(c.TypeBefore!.Value)}→{Word(c.TypeAfter!.Value)}"
        : c.Change.ToString().ToLowerInvariant();

    /// <summary>A number in at most 6 significant digits, invariant culture; empty for none.</summary>
    public static string F(double? value) => value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "";

    private static string Clip(string name) => name.Length > 24 ? name[..23] + "…" : name;
}
