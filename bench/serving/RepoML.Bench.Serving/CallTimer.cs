using System.Diagnostics;

/// <summary>Times a piece of in-process work over many calls.</summary>
internal static class CallTimer
{
    /// <summary>Microseconds per call of <paramref name="work"/>, over <paramref name="calls"/> calls in a row.</summary>
    public static double MicrosecondsPerCall(Action work, int calls)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            work();
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / calls;
    }
}
