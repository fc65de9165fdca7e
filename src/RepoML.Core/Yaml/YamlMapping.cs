namespace RepoML.Core.Yaml;

/// <summary>A YAML mapping with scalar keys, in document order. Duplicate keys are rejected by the reader.</summary>
public sealed class YamlMapping : YamlNode
{
    private readonly Dictionary<string, YamlEntry> byKey;
    private readonly long weight;

    public YamlMapping(SourceSpan span, IReadOnlyList<YamlEntry> entries)
        : base(span)
    {
        Entries = entries;
        byKey = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            byKey.TryAdd(entry.Key.Value, entry);
        }

        weight = 1 + entries.Sum(e => 1 + e.Value.Weight);
    }

    public IReadOnlyList<YamlEntry> Entries { get; }

    internal override long Weight => weight;

    public override string KindName => "mapping";

    public YamlNode? this[string key] => byKey.TryGetValue(key, out var entry) ? entry.Value : null;

    public YamlEntry? Entry(string key) => byKey.GetValueOrDefault(key);

    /// <summary>The value of <paramref name="key"/> when it is a non-null scalar.</summary>
    public string? GetString(string key) => this[key] is YamlScalar { IsNull: false } s ? s.Value : null;

    public YamlMapping? GetMapping(string key) => this[key] as YamlMapping;

    public YamlSequence? GetSequence(string key) => this[key] as YamlSequence;
}
