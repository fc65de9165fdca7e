namespace RepoML.Core.Comparison;

/// <summary>A two-sided interval, e.g. the 95 % percentile bootstrap interval of a metric delta.</summary>
public sealed record ConfidenceInterval(double Low, double High)
{
    /// <summary>True when the whole interval lies above zero.</summary>
    public bool AboveZero => Low > 0;

    /// <summary>True when the whole interval lies below zero.</summary>
    public bool BelowZero => High < 0;
}
