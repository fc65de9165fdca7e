using System.Diagnostics;
using System.Globalization;

namespace RepoML.Tests.Shared;

/// <summary>
/// A process that a test's job started in the background (<c>sleep 300 &amp; echo $! &gt; child.pid</c>): its pid as the job
/// wrote it, and whether it still runs — for tests that a job's processes end with the job or run that started them.
/// </summary>
internal static class ChildProcess
{
    /// <summary>The pid the job wrote to <paramref name="pidFile"/>; fails the test when none is written within
    /// <paramref name="limit"/>.</summary>
    public static async Task<int> ReadPidAsync(string pidFile, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(pidFile) || File.ReadAllText(pidFile).Trim().Length == 0)
        {
            Assert.True(clock.Elapsed < limit, "the job never wrote its child's pid");
            await Task.Delay(20);
        }

        return int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Whether a process runs (a zombie awaiting its reaper has ended).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
