namespace RepoML.Core.Registry;

/// <summary>One job of the run a version came from: what it ran on and what it consumed and produced.</summary>
public sealed record JobLineage(
    string Name,
    string Status,
    bool Cached,
    string? Environment,
    string? EnvironmentDigest,
    string? CodeDigest,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Outputs);
