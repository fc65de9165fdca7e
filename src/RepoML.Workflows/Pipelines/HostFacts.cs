using System.Runtime.InteropServices;

namespace RepoML.Workflows.Pipelines;

/// <summary>The host's identity for run records (the workspace's Git state comes from <see cref="RepoML.Git.GitContext"/>).</summary>
public static class HostFacts
{
    public static HostInfo Host() => new(
        Environment.UserName,
        Environment.MachineName,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        typeof(HostFacts).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
}
