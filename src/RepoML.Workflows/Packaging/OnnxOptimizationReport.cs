namespace RepoML.Workflows.Packaging;

/// <summary>Load time and per-request latency of a model before and after offline graph optimisation.</summary>
public sealed record OnnxOptimizationReport(
    long BytesBefore, long BytesAfter, double LoadMsBefore, double LoadMsAfter, double LatencyMsBefore, double LatencyMsAfter, int NodesNote = 0)
{
    public static string Ratio(double before, double after) => after <= 0 ? "-" : $"{before / after:0.00}x";
}
