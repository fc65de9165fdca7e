namespace RepoML.Workflows.Serving;

/// <summary>
/// <c>output_action: append_row</c>: the scored rows as CSV, in input order — <c>file,line</c>, then one column per
/// output (the model's outputs first, then any a custom scorer answered, in the order first seen). Written atomically.
/// </summary>
public static class BatchOutputFile
{
    public static void Write(string path, IReadOnlyList<string> knownColumns, BatchOutcome outcome)
    {
        var columns = knownColumns.Concat(outcome.Scored.SelectMany(r => r.Outputs.Select(o => o.Key))).Distinct(StringComparer.Ordinal).ToList();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine(string.Join(',', new[] { "file", "line" }.Concat(columns).Select(Quote)));
        foreach (var row in outcome.Scored)
        {
            var cells = row.Outputs.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
            text.WriteLine(string.Join(',', new[] { row.Row.Source, row.Row.Line.ToString(CultureInfo.InvariantCulture) }
                .Concat(columns.Select(c => cells.GetValueOrDefault(c, ""))).Select(Quote)));
        }

        AtomicText.Write(path, text.ToString());
    }

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\n',
        '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
