namespace RepoML.Core.Monitoring;

/// <summary>How a monitored column is treated: numbers or categories.</summary>
public enum FeatureKind
{
    Numeric,
    Categorical,
}
