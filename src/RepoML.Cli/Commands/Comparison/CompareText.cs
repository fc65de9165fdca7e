using RepoML.Core.Comparison;

namespace RepoML.Cli.Commands.Comparison;

/// <summary>The console form of a comparison: verdict, metrics with deltas and intervals, gates.</summary>
internal static class CompareText
{
    public static void Write(TextWriter output, ComparisonReport report)
    {
        var verdict = report.Verdict switch
        {
            ComparisonVerdict.Pass => "PASS",
            ComparisonVerdict.Fail => "FAIL",
            _ => "NO BASELINE",
        };
        output.WriteLine($"{verdict}: {report.Model}, candidate " +
            $"{report.Candidate.Source}{(report.Baseline is { } b ? $" vs baseline {b.Source}" : " (no baseline)")}, " +
            $"{report.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows of {report.Data}");
        output.WriteLine($"  {"metric",-10} {"candidate",10} {"baseline",10} {"delta",10}  95% CI of delta");
        foreach (var m in report.Metrics)
        {
            output.WriteLine($"  {m.Name,-10} {F(m.Candidate),10} {F(m.Baseline),10} {S(m.Delta),10}  " +
                $"{(m.Ci95 is { } ci ? $"[{S(ci.Low)}, {S(ci.High)}]" : "")}");
        }

        foreach (var g in report.Gates)
        {
            output.WriteLine($"  gate {g.Status.ToString().ToLowerInvariant(),-7} {g.Metric} {g.Rule}: {g.Message}");
        }
    }

    private static string F(double? v) => v is { } x && !double.IsNaN(x) ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string S(double? v) => v is { } x && !double.IsNaN(x) ? x.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture) : "-";
}
