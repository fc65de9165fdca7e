using System.Runtime.InteropServices;
using RepoML.Core.Runs;

namespace RepoML.Workflows.Pipelines;

/// <summary>Reads the Git state of the workspace (git CLI) and the host's identity for run records.</summary>
public static class HostFacts
{
    public static HostInfo Host() => new(
        Environment.UserName,
        Environment.MachineName,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        typeof(HostFacts).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    public static GitState Git(string workspaceRoot)
    {
        var commit = RunGit(workspaceRoot, "rev-parse", "HEAD");
        var branch = RunGit(workspaceRoot, "rev-parse", "--abbrev-ref", "HEAD");
        var status = RunGit(workspaceRoot, "status", "--porcelain", "--untracked-files=no");
        var remote = RunGit(workspaceRoot, "config", "--get", "remote.origin.url");
        return new GitState(commit, branch, Dirty: !string.IsNullOrEmpty(status), remote);
    }

    /// <summary>One git CLI call's trimmed output, or null when it fails or git is missing.</summary>
    public static string? RunGit(string folder, params string[] args)
    {
        try
        {
            var (code, output, _) = RepoML.Git.GitProcess.Run(folder, args);
            var trimmed = output.Trim();
            return code == 0 && trimmed.Length > 0 ? trimmed : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine: the run record says so by leaving the fields empty
        }
    }
}
