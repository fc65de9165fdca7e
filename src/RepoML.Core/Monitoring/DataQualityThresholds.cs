namespace RepoML.Core.Monitoring;

/// <summary>Azure ML's data quality metrics with the rate above which each alerts.</summary>
public sealed record DataQualityThresholds(double NullValueRate = 0.05, double DataTypeErrorRate = 0.01, double OutOfBoundsRate = 0.05)
{
    public static DataQualityThresholds Default { get; } = new();
}
