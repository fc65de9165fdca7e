namespace RepoML.Core.Comparison;

/// <summary>A named line or scatter of a report chart (e.g. the candidate's ROC curve).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);
