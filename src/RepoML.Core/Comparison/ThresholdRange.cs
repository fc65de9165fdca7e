namespace RepoML.Core.Comparison;

/// <summary>The decision threshold as observed: the lowest probability predicted positive, the highest predicted negative.</summary>
public sealed record ThresholdRange(double? LowestPositive, double? HighestNegative);
