namespace RepoML.Core.Runs;

/// <summary>The code a run used: commit, branch, whether the working tree had uncommitted changes, and the remote.</summary>
public sealed record GitState(string? Commit, string? Branch, bool Dirty, string? Remote);
