using System.Diagnostics;
using System.Globalization;

namespace RepoML.Cli.Commands.Packaging;

/// <summary>The Git facts an image records: commit, its time (the image's timestamp), branch, remote, dirty.</summary>
public sealed record SourceRevision(string? Commit, DateTimeOffset? CommitTime, string? Branch, string? Remote, bool Dirty)
{
    public static SourceRevision Read(string root)
    {
        var state = RepoML.Cli.Pipelines.HostFacts.Git(root);
        var time = Git(root, "log", "-1", "--format=%ct") is { } seconds && long.TryParse(seconds, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : (DateTimeOffset?)null;
        return new SourceRevision(state.Commit, time, state.Branch, state.Remote, state.Dirty);
    }

    private static string? Git(string folder, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
