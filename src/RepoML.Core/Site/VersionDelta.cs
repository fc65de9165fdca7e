namespace RepoML.Core.Site;

/// <summary>
/// A version against the one before it: parameters of their runs that differ, metric deltas, tags that changed, and
/// whether the content (digest) changed at all.
/// </summary>
public sealed record VersionDelta(
    RegisteredVersion Previous,
    bool ContentChanged,
    IReadOnlyList<ValueChange> Parameters,
    IReadOnlyList<MetricDelta> Metrics,
    IReadOnlyList<ValueChange> Tags)
{
    /// <summary>Compares <paramref name="version"/> with <paramref name="previous"/>.</summary>
    public static VersionDelta Between(RegisteredVersion previous, RegisteredVersion version) => new(
        previous,
        previous.Digest != version.Digest,
        Changes(RunParameters.Of(previous.Record.Run), RunParameters.Of(version.Record.Run)),
        previous.Record.Metrics.Keys.Union(version.Record.Metrics.Keys).Order(StringComparer.Ordinal)
            .Select(name => new MetricDelta(name, Value(previous.Record.Metrics, name), Value(version.Record.Metrics, name))).ToArray(),
        Changes(previous.Record.Tags, version.Record.Tags));

    /// <summary>Keys whose values differ (null: absent on that side), ordered by key.</summary>
    public static IReadOnlyList<ValueChange> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(k => new ValueChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After).ToArray();

    private static double? Value(IReadOnlyDictionary<string, double> metrics, string name) =>
        metrics.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A named value before and after (null where absent).</summary>
public sealed record ValueChange(string Name, string? Before, string? After);

/// <summary>A metric of two versions; <see cref="Delta"/> is after − before when both have it.</summary>
public sealed record MetricDelta(string Name, double? Before, double? After)
{
    public double? Delta => Before is { } b && After is { } a ? a - b : null;
}
