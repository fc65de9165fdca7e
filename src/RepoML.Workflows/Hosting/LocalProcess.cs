namespace RepoML.Workflows.Hosting;

/// <summary>The local processes the workflows start and record by id (a served endpoint, a deployed server).</summary>
internal static class LocalProcess
{
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
