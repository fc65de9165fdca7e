namespace RepoML.Git.Export;

/// <summary>One registered asset in <c>models</c> export table.</summary>
public sealed class ModelRow
{
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("versions")] public int Versions { get; set; }
    [JsonPropertyName("latest")] public int? Latest { get; set; }
    [JsonPropertyName("labels")] public string Labels { get; set; } = "";
}
