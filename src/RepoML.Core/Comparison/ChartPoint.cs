namespace RepoML.Core.Comparison;

/// <summary>A point of a chart series.</summary>
public readonly record struct ChartPoint(double X, double Y);
