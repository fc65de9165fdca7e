namespace RepoML.Core.Serving;

/// <summary>How often collected data starts a new folder (Azure ML <c>data_collector.rolling_rate</c>).</summary>
public enum RollingRate
{
    Minute,
    Hour,
    Day,
    Month,
    Year,
}
