namespace RepoML.Workflows.Hosting;

/// <summary>The local processes the workflows start and record by id (a served endpoint, a deployed server).</summary>
internal static class LocalProcess
{
    /// <summary>
    /// Whether <paramref name="pid"/> runs a command whose arguments include each of <paramref name="expected"/>: a pid read from a
    /// state file is checked before it is stopped, so an edited file cannot aim a kill at another process. Where the command line
    /// cannot be read (no /proc), only that it runs.
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
            return !OperatingSystem.IsLinux() && IsRunning(pid);
        }

        var parts = arguments.Split('\0');
        return expected.All(e => parts.Any(p => p.Contains(e, StringComparison.Ordinal)));
    }

    /// <summary>Whether the process with <paramref name="pid"/> still runs; false when no such process exists.</summary>
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
}
