using System.Globalization;

namespace RepoML.Workflows.Packaging;

/// <summary>The Git facts an image records: commit, its time (the image's timestamp), branch, remote, dirty.</summary>
public sealed record SourceRevision(string? Commit, DateTimeOffset? CommitTime, string? Branch, string? Remote, bool Dirty)
{
    public static SourceRevision Read(string root)
    {
        var state = RepoML.Workflows.Pipelines.HostFacts.Git(root);
        var time = RepoML.Workflows.Pipelines.HostFacts.RunGit(root, "log", "-1", "--format=%ct") is { } seconds && long.TryParse(seconds, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : (DateTimeOffset?)null;
        return new SourceRevision(state.Commit, time, state.Branch, state.Remote, state.Dirty);
    }
}
