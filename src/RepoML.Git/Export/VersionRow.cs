namespace RepoML.Git.Export;

/// <summary>One version in the <c>versions</c> export table.</summary>
public sealed class VersionRow
{
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("version")] public int Version { get; set; }
    [JsonPropertyName("digest")] public string Digest { get; set; } = "";
    [JsonPropertyName("size")] public long Size { get; set; }
    [JsonPropertyName("file_count")] public int FileCount { get; set; }
    [JsonPropertyName("commit")] public string Commit { get; set; } = "";
    [JsonPropertyName("author")] public string Author { get; set; } = "";
    [JsonPropertyName("author_email")] public string AuthorEmail { get; set; } = "";
    [JsonPropertyName("committed_at")] public DateTime CommittedAt { get; set; }
    [JsonPropertyName("message")] public string Message { get; set; } = "";
    [JsonPropertyName("registered_at")] public DateTime RegisteredAt { get; set; }
    [JsonPropertyName("source_commit")] public string? SourceCommit { get; set; }
    [JsonPropertyName("run_id")] public string? RunId { get; set; }
    [JsonPropertyName("archived")] public bool Archived { get; set; }
}
