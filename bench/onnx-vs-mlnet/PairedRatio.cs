using System.Diagnostics;

namespace RepoML.Bench.OnnxVsMlNet;

/// <summary>
/// The speed of one method over another, measured in short blocks that alternate (A B, B A, A B, …), each pair's ratio
/// taken on its own: a neighbour that slows the host for a second slows both blocks of a pair alike, where rounds of
/// seconds each put the two methods under different loads. On a shared host whose load swings, the median of the pairs'
/// ratios moves far less from run to run than the ratio of two medians.
/// </summary>
internal static class PairedRatio
{
    /// <summary>The 25th, 50th and 75th percentiles of <c>time(baseline) / time(candidate)</c> over <paramref name="pairs"/> pairs of blocks.</summary>
    /// <param name="block">Calls a block makes; each call gets the index of its row, which both methods walk alike.</param>
    public static (double Low, double Median, double High) Measure(Action<int> baseline, Action<int> candidate, int pairs, int block)
    {
        var ratios = new double[pairs];
        var row = 0;
        for (var p = 0; p < pairs; p++)
        {
            // Alternate which goes first, so neither always runs in the other's wake (caches, branch history).
            var first = p % 2 == 0;
            var a = Time(first ? baseline : candidate, row, block);
            var b = Time(first ? candidate : baseline, row, block);
            ratios[p] = first ? a / b : b / a;
            row += block;
        }

        Array.Sort(ratios);
        return (ratios[pairs / 4], ratios[pairs / 2], ratios[3 * pairs / 4]);
    }

    private static double Time(Action<int> method, int row, int block)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < block; i++)
        {
            method(row + i);
        }

        return clock.Elapsed.TotalSeconds;
    }
}
