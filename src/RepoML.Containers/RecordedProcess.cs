using System.Diagnostics;
using System.Globalization;

namespace RepoML.Containers;

/// <summary>
/// A process RepoML started in the background and recorded by pid in a state file (a local deployment's server, the local registry).
/// The pid is checked before it is stopped: an edited state file must not aim a kill at another process.
/// </summary>
public static class RecordedProcess
{
    /// <summary>Whether <paramref name="pid"/> runs.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="pid"/> runs a command whose arguments include each of <paramref name="expected"/> (as substrings). Where
    /// the command line cannot be read (no /proc, as on macOS), only that it runs.
    /// </summary>
    public static bool IsRunningAs(int pid, params string[] expected)
    {
        if (!IsRunning(pid))
        {
            return false;
        }

        string arguments;
        try
        {
            arguments = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return !OperatingSystem.IsLinux();
        }

        var parts = arguments.Split('\0');
        return expected.All(e => parts.Any(p => p.Contains(e, StringComparison.Ordinal)));
    }

    /// <summary>Stops <paramref name="pid"/> (and its children) when it runs as <paramref name="expected"/>; false when it did not.</summary>
    public static bool Stop(int pid, bool entireProcessTree, params string[] expected)
    {
        if (!IsRunningAs(pid, expected))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false; // gone meanwhile, or not ours to stop
        }
    }
}
