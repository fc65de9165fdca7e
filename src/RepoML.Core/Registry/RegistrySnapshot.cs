namespace RepoML.Core.Registry;

/// <summary>
/// The registry as the first-parent history of one branch tip defines it: every asset, its versions, labels and
/// archive state, plus problems found in the history (an edited record, a label naming no version).
/// </summary>
public sealed class RegistrySnapshot(string? tip, string branch, IReadOnlyList<RegisteredAsset> assets, IReadOnlyList<string> problems,
    int lastPosition)
{
    private readonly Dictionary<(AssetKind, string), RegisteredAsset> byName = assets.ToDictionary(a => (a.Kind, a.Name));

    /// <summary>The commit the registry was computed at; null for a repository without commits.</summary>
    public string? Tip { get; } = tip;

    /// <summary>The branch (default branch) whose first-parent history numbers the versions.</summary>
    public string Branch { get; } = branch;

    /// <summary>Assets ordered by kind, then name (ordinal).</summary>
    public IReadOnlyList<RegisteredAsset> Assets { get; } = assets;

    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>Position of the last registry event; positions above it are in the future.</summary>
    public int LastPosition { get; } = lastPosition;

    public IEnumerable<RegisteredAsset> OfKind(AssetKind kind) => Assets.Where(a => a.Kind == kind);

    public RegisteredAsset? Find(AssetKind kind, string name) => byName.GetValueOrDefault((kind, name));

    /// <summary>Parses <c>[azureml:]name[:version|@label]</c> (no version means <c>@latest</c>).</summary>
    public static AssetReference ParseReference(string text)
    {
        var full = AssetReference.IsReference(text) ? text : AssetReference.Prefix + text;
        var parsed = AssetReference.TryParse(full);
        if (parsed is null || (parsed.Version is not null && !int.TryParse(parsed.Version,
            out var n)) || parsed.Version is not null && int.Parse(parsed.Version) < 1)
        {
            throw new RegistryException(RegistryErrors.BadReference,
                $"'{text}' is not a reference: use NAME, NAME:VERSION (VERSION a positive integer) or NAME@LABEL");
        }

        return parsed;
    }

    /// <summary>Resolves a reference as it was at <paramref name="asOf"/> (default: now); throws when it names nothing.</summary>
    public RegisteredVersion Resolve(AssetKind kind, AssetReference reference, int? asOf = null) =>
        TryResolve(kind, reference, asOf, out var why) ?? throw RegistryErrors.Missing(why);

    public RegisteredVersion Resolve(AssetKind kind, string reference) => Resolve(kind, ParseReference(reference));

    /// <summary>Resolves a reference; null with the reason when it names nothing.</summary>
    public RegisteredVersion? TryResolve(AssetKind kind, AssetReference reference, int? asOf, out string why)
    {
        why = "";
        var asset = Find(kind, reference.Name);
        if (asset is null || asset.Versions.All(v => v.Position > (asOf ?? int.MaxValue)))
        {
            var hint = asset is null && StringDistance.Closest(reference.Name, OfKind(kind).Select(a => a.Name)) is { } near
                ? $"; did you mean '{near}'?" : "";
            why = $"no {kind.Word()} named '{reference.Name}' is registered on {Branch}{hint}";
            return null;
        }

        RegisteredVersion? found;
        if (reference.Version is not null)
        {
            found = int.TryParse(reference.Version, out var number) ? asset.Version(number) : null;
            found = found is not null && found.Position <= (asOf ?? int.MaxValue) ? found : null;
            why = found is null ? $"{reference.Name} has no version {reference.Version} (latest is " +
                $"{asset.Latest(asOf)?.Version.ToString() ?? "none"})" : "";
            return found;
        }

        var label = reference.Label ?? RegisteredAsset.LatestLabel;
        found = asset.Labeled(label, asOf);
        why = found is null
            ? label == RegisteredAsset.LatestLabel
                ? $"every version of {reference.Name} is archived"
                : $"{reference.Name} has no label '{label}' (labels: " +
                    $"{string.Join(", ", asset.Labels(asOf).Keys.Prepend(RegisteredAsset.LatestLabel))})"
            : "";
        return found;
    }
}
