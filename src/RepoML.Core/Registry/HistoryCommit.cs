namespace RepoML.Core.Registry;

/// <summary>
/// A commit on the first-parent history and the files it changed (relative to its first parent) under the
/// paths asked for. <see cref="Position"/> orders commits oldest first.
/// </summary>
public sealed record HistoryCommit(int Position, CommitInfo Commit, IReadOnlyList<FileChange> Changes);
