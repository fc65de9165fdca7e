namespace RepoML.Git.Export;

/// <summary>One tag, property or metric of a version in the <c>tags</c> export table (<see cref="Type"/> says which).</summary>
public sealed class TagRow
{
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("version")] public int Version { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("value")] public string Value { get; set; } = "";
}
