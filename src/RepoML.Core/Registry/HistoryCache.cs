namespace RepoML.Core.Registry;

/// <summary>
/// A saved answer of <see cref="IGitHistory.FirstParentChanges"/>: the first-parent changes under
/// <see cref="Prefixes"/> up to and including <see cref="Tip"/>. Git history is immutable, so the answer stays true
/// for that tip, and a later tip that descends from it along first parents only appends commits.
/// </summary>
public sealed record HistoryCache(string Tip, IReadOnlyList<string> Prefixes, IReadOnlyList<HistoryCommit> Commits)
{
    /// <summary>This cache followed by the commits after its tip (numbered from 1 by the reader), renumbered to continue.</summary>
    public HistoryCache Append(string newTip, IReadOnlyList<HistoryCommit> after)
    {
        var offset = Commits.Count;
        return this with { Tip = newTip, Commits = [.. Commits, .. after.Select((c, i) => c with { Position = offset + i + 1 })] };
    }
}
