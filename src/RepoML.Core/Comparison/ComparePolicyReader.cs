namespace RepoML.Core.Comparison;

/// <summary>Reads and checks a comparison policy file, reporting problems at file:line:col.</summary>
public static class ComparePolicyReader
{
    /// <returns>The policy (null when the file has errors) and every diagnostic found.</returns>
    public static (ComparePolicy? Policy, IReadOnlyList<Diagnostic> Diagnostics) Read(string path, string text)
        => RepoMLFileReader.Read(path, text, "a comparison policy", Check, ToPolicy);

    /// <summary>Schema and meaning checks of a parsed policy; what <c>repoml validate</c> runs on the file.</summary>
    public static void Check(YamlMapping root, ICollection<Diagnostic> diagnostics)
    {
        SchemaValidator.Validate(root, ComparePolicySchema.Schema, diagnostics);
        var task = ParseTask(root.GetString("task"));
        if (root["primary_metric"] is YamlScalar { IsNull: false } primary)
        {
            CheckTaskMetric(primary, task, diagnostics);
        }

        foreach (var entry in root.GetMapping("gates")?.Entries ?? [])
        {
            if (!ComparePolicySchema.Metrics.Values.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                var suggestion = StringDistance.Closest(entry.Key.Value, ComparePolicySchema.Metrics.Values);
                var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
                diagnostics.Add(Diagnostic.At(DiagnosticIds.InvalidEnum, entry.Key.Span,
                    $"'gates.{entry.Key.Value}' is not a metric RepoML computes{hint}"));
                continue;
            }

            CheckTaskMetric(entry.Key, task, diagnostics);
            if (entry.Value is YamlMapping gate && !ComparePolicySchema.Gate.Fields.Take(3).Any(f => gate[f.Name] is YamlScalar { IsNull: false }))
            {
                diagnostics.Add(Diagnostic.At(DiagnosticIds.RequiredField, gate.Span,
                    $"gate 'gates.{entry.Key.Value}' sets no rule; give threshold, min_absolute_change or min_relative_change"));
            }
        }
    }

    private static void CheckTaskMetric(YamlScalar metric, MlTask? task, ICollection<Diagnostic> diagnostics)
    {
        if (task is { } t && ComparePolicySchema.Metrics.Values.Contains(metric.Value,
            StringComparer.Ordinal) && !MetricNames.ForTask(t).Contains(metric.Value))
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.InvalidEnum, metric.Span,
                $"'{metric.Value}' is not a {t.ToString().ToLowerInvariant()} metric; use one of {string.Join(", ", MetricNames.ForTask(t))}"));
        }
    }

    private static ComparePolicy ToPolicy(YamlMapping root)
    {
        var gates = (root.GetMapping("gates")?.Entries ?? [])
            .Where(e => e.Value is YamlMapping)
            .Select(e =>
            {
                var m = (YamlMapping)e.Value;
                return new MetricGate(e.Key.Value, Number(m, "threshold"), Number(m, "min_absolute_change"), Number(m, "min_relative_change"),
                    Boolean(m, "greater_is_better"), e.Key.Span);
            })
            .ToList();
        var bootstrap = root.GetMapping("bootstrap");
        var importance = root.GetMapping("importance");
        return new ComparePolicy(
            root.GetString("model"),
            root.GetString("data"),
            root.GetString("label"),
            ParseTask(root.GetString("task")),
            root.GetString("primary_metric"),
            gates,
            Integer(bootstrap, "resamples") ?? ComparePolicy.DefaultResamples,
            Integer(bootstrap, "seed") ?? ComparePolicy.DefaultSeed,
            Integer(importance, "repeats") ?? ComparePolicy.DefaultImportanceRepeats,
            Integer(importance, "max_rows") ?? ComparePolicy.DefaultImportanceMaxRows,
            Integer(root.GetMapping("report"), "top_disagreements") ?? ComparePolicy.DefaultTopDisagreements);
    }

    private static MlTask? ParseTask(string? text) => Enum.TryParse<MlTask>(text, ignoreCase: true, out var task) ? task : null;

    private static double? Number(YamlMapping map, string key)
    {
        var text = map.GetString(key);
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture,
            out var value) ? value : null;
    }

    private static bool? Boolean(YamlMapping map, string key) => map.GetString(key)?.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };

    private static int? Integer(YamlMapping? map, string key) =>
        int.TryParse(map?.GetString(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture,
            out var value) ? value : null;
}
