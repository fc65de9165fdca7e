namespace RepoML.Core.Registry;

/// <summary>
/// A registered model, data asset or environment: its versions (1, 2, … in first-parent order) and every label and
/// archive event. Queries take an optional position so a reference can be resolved as it was at an older commit.
/// </summary>
public sealed class RegisteredAsset(AssetKind kind, string name, IReadOnlyList<RegisteredVersion> versions, IReadOnlyList<RegistryEvent> events)
{
    /// <summary>The label that always means the highest version that is not archived.</summary>
    public const string LatestLabel = "latest";

    public AssetKind Kind { get; } = kind;

    public string Name { get; } = name;

    public IReadOnlyList<RegisteredVersion> Versions { get; } = versions;

    public IReadOnlyList<RegistryEvent> Events { get; } = events;

    public RegisteredVersion? Version(int number) => number >= 1 && number <= Versions.Count ? Versions[number - 1] : null;

    public RegisteredVersion? ByKey(string key) => Versions.FirstOrDefault(v => v.Key == key);

    /// <summary>True when the version was archived at <paramref name="asOf"/> (default: now).</summary>
    public bool IsArchived(RegisteredVersion version, int? asOf = null) =>
        Events.LastOrDefault(e => e.Key == version.Key && e.Type is RegistryEventType.Archived or RegistryEventType.Restored
            && e.Position <= (asOf ?? int.MaxValue))
            ?.Type == RegistryEventType.Archived;

    /// <summary>The highest version registered at <paramref name="asOf"/> that was not archived then.</summary>
    public RegisteredVersion? Latest(int? asOf = null) =>
        Versions.LastOrDefault(v => v.Position <= (asOf ?? int.MaxValue) && !IsArchived(v, asOf));

    /// <summary>Current labels (user labels only; <c>latest</c> is computed) and the version each names.</summary>
    public IReadOnlyDictionary<string, RegisteredVersion> Labels(int? asOf = null)
    {
        var result = new SortedDictionary<string, RegisteredVersion>(StringComparer.Ordinal);
        foreach (var e in Events.Where(e => e.Position <= (asOf ?? int.MaxValue) && e.Label is not null))
        {
            if (e.Type == RegistryEventType.LabelSet && e.Key is not null && ByKey(e.Key) is { } target && target.Position <= e.Position)
            {
                result[e.Label!] = target;
            }
            else
            {
                result.Remove(e.Label!);
            }
        }

        return result;
    }

    /// <summary>The version a label named at <paramref name="asOf"/>; <c>latest</c> is <see cref="Latest"/>.</summary>
    public RegisteredVersion? Labeled(string label, int? asOf = null) =>
        label == LatestLabel ? Latest(asOf) : Labels(asOf).GetValueOrDefault(label);
}
