using RepoML.Core.Comparison;

namespace RepoML.Core.Specs;

/// <summary>
/// The one registry of RepoML's own file kinds: settings Azure ML lacks (comparison policy, and later rollout plans,
/// monitors, event sinks) live in separate files whose <c>$schema</c> is <c>https://repoml.dev/schemas/&lt;kind&gt;.schema.json</c>.
/// <see cref="SpecFileLoader"/> asks here before calling a schema unsupported. To add a kind, add one line to <c>Kinds</c>.
/// </summary>
public static class RepoMLSchemas
{
    /// <summary>Where RepoML's schemas live; a <c>$schema</c> starting with it names a RepoML kind.</summary>
    public const string BaseUrl = "https://repoml.dev/schemas/";

    // Kind name → the check that validates a parsed file of that kind (schema and meaning), reporting at file:line:col.
    private static readonly Dictionary<string, Action<YamlMapping, ICollection<Diagnostic>>> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [ComparePolicySchema.KindName] = ComparePolicyReader.Check,
        [Rollout.RolloutPlanSchema.KindName] = Rollout.RolloutPlanReader.Check,
        [Monitoring.MonitorSchema.KindName] = Monitoring.MonitorReader.Check,
        [Events.EventsFileSchema.KindName] = Events.EventsFileReader.Check,
    };

    /// <summary>The kinds RepoML reads, by name.</summary>
    public static IReadOnlyCollection<string> Names => Kinds.Keys;

    /// <summary>The <c>$schema</c> address of a RepoML kind.</summary>
    public static string SchemaUrl(string kind) => $"{BaseUrl}{kind}.schema.json";

    /// <summary>The RepoML kind a <c>$schema</c> address names; null for other addresses and unknown kinds.</summary>
    public static string? KindOf(string schemaUrl)
    {
        if (!schemaUrl.Trim().StartsWith(BaseUrl, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = SpecKindCatalog.SchemaName(schemaUrl);
        return name is not null && Kinds.ContainsKey(name) ? name : null;
    }

    /// <summary>Validates <paramref name="root"/> when its <c>$schema</c> names a RepoML kind.</summary>
    /// <returns>False when the address is not a RepoML kind (the caller reports it as unsupported).</returns>
    public static bool TryValidate(string schemaUrl, YamlMapping root, ICollection<Diagnostic> diagnostics)
    {
        if (KindOf(schemaUrl) is not { } kind)
        {
            return false;
        }

        Kinds[kind](root, diagnostics);
        return true;
    }
}
