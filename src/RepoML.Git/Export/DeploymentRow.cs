namespace RepoML.Git.Export;

/// <summary>One span of a deployment using a version in the <c>deployments</c> export table.</summary>
public sealed class DeploymentRow
{
    [JsonPropertyName("endpoint")] public string Endpoint { get; set; } = "";
    [JsonPropertyName("deployment")] public string Deployment { get; set; } = "";
    [JsonPropertyName("file")] public string File { get; set; } = "";
    [JsonPropertyName("reference")] public string Reference { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("version")] public int Version { get; set; }
    [JsonPropertyName("since_commit")] public string SinceCommit { get; set; } = "";
    [JsonPropertyName("since")] public DateTime Since { get; set; }
    [JsonPropertyName("until_commit")] public string? UntilCommit { get; set; }
    [JsonPropertyName("until")] public DateTime? Until { get; set; }
    [JsonPropertyName("active")] public bool Active { get; set; }
}
