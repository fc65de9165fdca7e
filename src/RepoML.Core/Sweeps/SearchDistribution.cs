namespace RepoML.Core.Sweeps;

/// <summary>How a search dimension draws its values: the parameter expressions of Azure ML sweep jobs.</summary>
public enum SearchDistribution
{
    /// <summary>One of a list of values.</summary>
    Choice,

    /// <summary>Uniform in [Low, High].</summary>
    Uniform,

    /// <summary>exp(uniform(Low, High)).</summary>
    LogUniform,

    /// <summary>Normal with mean Mu and standard deviation Sigma.</summary>
    Normal,

    /// <summary>exp(normal(Mu, Sigma)).</summary>
    LogNormal,

    /// <summary>An integer in [0, High).</summary>
    RandInt,
}
