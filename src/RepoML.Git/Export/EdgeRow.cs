namespace RepoML.Git.Export;

/// <summary>One lineage relation of a version in the <c>lineage_edges</c> export table.</summary>
public sealed class EdgeRow
{
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("version")] public int Version { get; set; }
    [JsonPropertyName("from")] public string From { get; set; } = "";
    [JsonPropertyName("to")] public string To { get; set; } = "";
    [JsonPropertyName("relation")] public string Relation { get; set; } = "";
}
