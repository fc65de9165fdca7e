using System.Runtime.InteropServices;

namespace RepoML.Bench.OnnxVsMlNet;

/// <summary>The CPU time this process has used (all its threads, garbage collection included), from the kernel's clock.</summary>
internal static partial class ProcessCpu
{
    private const int ProcessCpuTimeClock = 2; // CLOCK_PROCESS_CPUTIME_ID

    public static double Seconds()
    {
        if (ClockGetTime(ProcessCpuTimeClock, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
        }

        return time.Seconds + (time.Nanoseconds / 1e9);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
