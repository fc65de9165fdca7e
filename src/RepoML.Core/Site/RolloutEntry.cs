namespace RepoML.Core.Site;

/// <summary>One rollout step as its commit recorded it: promote, hold or roll back a model version, which step, and why.</summary>
public sealed record RolloutEntry(
    string Endpoint, CommitInfo Commit, int Position, string Action, string Version, string Step, string? Why, bool RolledBack);
