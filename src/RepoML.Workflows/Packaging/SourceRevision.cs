namespace RepoML.Workflows.Packaging;

/// <summary>The Git facts an image records: commit, its time (the image's timestamp), branch, remote, dirty.</summary>
public sealed record SourceRevision(string? Commit, DateTimeOffset? CommitTime, string? Branch, string? Remote, bool Dirty)
{
    public static SourceRevision Read(string root)
    {
        var git = new GitContext(root);
        var state = git.State();
        return new SourceRevision(state.Commit, git.LastCommitTime(), state.Branch, state.Remote, state.Dirty);
    }
}
