using System.Xml;

namespace RepoML.Core.Monitoring;

/// <summary>Reads and checks a monitor file, reporting problems at file:line:col.</summary>
public static class MonitorReader
{
    /// <summary>The current window's length when the file sets none.</summary>
    public static TimeSpan DefaultLookback { get; } = TimeSpan.FromDays(1);

    /// <returns>The monitor (null when the file has errors) and every diagnostic found.</returns>
    public static (MonitorSpec? Monitor, IReadOnlyList<Diagnostic> Diagnostics) Read(string path, string text)
        => RepoMLFileReader.Read(path, text, "a monitor file", Check, ToSpec);

    /// <summary>Schema and meaning checks; what <c>repoml validate</c> runs on the file.</summary>
    public static void Check(YamlMapping root, ICollection<Diagnostic> diagnostics)
    {
        SchemaValidator.Validate(root, MonitorSchema.Schema, diagnostics);
        if (root.GetMapping("baseline") is { } baseline && baseline["data"] is null && baseline["window"] is null)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.RequiredField, baseline.Span,
                "the baseline needs 'data' (a data asset or file) or 'window' (collected data)"));
        }

        var thresholds = root.GetMapping("signals")?.GetMapping("data_drift")?.GetMapping("thresholds");
        foreach (var entry in thresholds?.Entries ?? [])
        {
            if (StatTests.Parse(entry.Key.Value) is null)
            {
                var suggestion = StringDistance.Closest(entry.Key.Value, StatTests.Names);
                diagnostics.Add(Diagnostic.At(DiagnosticIds.InvalidEnum, entry.Key.Span,
                    $"'{entry.Key.Value}' is not a drift test; use one of " +
                        $"{string.Join(", ", StatTests.Names)}{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}"));
            }
        }

        foreach (var key in new[] { "from", "to" })
        {
            if (root.GetMapping("baseline")?.GetMapping("window")?[key] is YamlScalar { IsNull: false } scalar && ParseTime(scalar.Value) is null)
            {
                diagnostics.Add(Diagnostic.At(DiagnosticIds.InvalidFormat, scalar.Span,
                    $"'{scalar.Value}' is not a date-time (use ISO 8601, e.g. 2025-01-31T00:00:00Z)"));
            }
        }
    }

    /// <summary>An ISO 8601 date-time, read as UTC when it has no offset.</summary>
    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static MonitorSpec ToSpec(YamlMapping root)
    {
        var baseline = root.GetMapping("baseline")!;
        var signals = root.GetMapping("signals");
        var drift = signals?.GetMapping("data_drift");
        var prediction = signals?.GetMapping("prediction_drift");
        var quality = signals?.GetMapping("data_quality");
        var attribution = signals?.GetMapping("feature_attribution_drift");
        var infra = root.GetMapping("infrastructure");
        var window = baseline.GetMapping("window");
        var lookback = root.GetMapping("window")?.GetString("lookback") is { } text ? XmlConvert.ToTimeSpan(text) : DefaultLookback;
        var defaults = DriftOptions.Default;
        var options = new DriftOptions
        {
            DriftShare = Number(drift, "drift_share") ?? defaults.DriftShare,
            LargeSampleRows = (int?)Number(drift, "large_sample_rows") ?? defaults.LargeSampleRows,
            MinimumRows = (int?)Number(drift, "min_rows") ?? defaults.MinimumRows,
            Bins = (int?)Number(drift, "bins") ?? defaults.Bins,
            Thresholds = (drift?.GetMapping("thresholds")?.Entries ?? [])
                .Where(e => StatTests.Parse(e.Key.Value) is not null && Number(e.Value) is not null)
                .ToDictionary(e => StatTests.Parse(e.Key.Value)!.Value, e => Number(e.Value)!.Value),
            Features = (drift?.GetMapping("overrides")?.Entries ?? [])
                .Where(e => e.Value is YamlMapping)
                .ToDictionary(e => e.Key.Value, e => Override((YamlMapping)e.Value), StringComparer.Ordinal),
        };
        var q = DataQualityThresholds.Default;
        var i = new InfrastructureThresholds();
        return new MonitorSpec(
            root.GetString("name") ?? "monitor",
            root.GetString("endpoint"),
            Strings(root.GetSequence("deployments")),
            baseline.GetString("data"),
            baseline.GetString("target_column"),
            window is null ? null : (ParseTime(window.GetString("from")), ParseTime(window.GetString("to"))),
            lookback,
            root.GetMapping("schedule")?.GetString("cron"),
            Enabled(drift),
            Strings(drift?.GetSequence("features")),
            options,
            Enabled(prediction),
            prediction?.GetString("output"),
            prediction is null ? new FeatureOverride(null, null) : Override(prediction),
            Enabled(quality),
            new DataQualityThresholds(Number(quality, "null_value_rate") ?? q.NullValueRate, Number(quality,
                "data_type_error_rate") ?? q.DataTypeErrorRate, Number(quality, "out_of_bounds_rate") ?? q.OutOfBoundsRate),
            Enabled(attribution),
            Number(attribution, "ndcg_threshold") ?? 0.9,
            infra?.GetString("metrics_url"),
            new InfrastructureThresholds(Number(infra, "latency_p95_ms") ?? i.LatencyP95Ms, Number(infra, "error_rate") ?? i.ErrorRate,
                Number(infra, "saturation") ?? i.Saturation));
    }

    private static FeatureOverride Override(YamlMapping map) => new(StatTests.Parse(map.GetString("stattest")), Number(map, "threshold"));

    private static bool Enabled(YamlMapping? signal) => signal?.GetString("enabled")?.ToLowerInvariant() is not ("false" or "no" or "off");

    private static IReadOnlyList<string> Strings(YamlSequence? sequence) =>
        sequence is null ? [] : [.. sequence.Items.OfType<YamlScalar>().Where(s => !s.IsNull).Select(s => s.Value)];

    private static double? Number(YamlMapping? map, string key) => map is null ? null : Number(map[key]);

    private static double? Number(YamlNode? node) =>
        node is YamlScalar { IsNull: false } s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
