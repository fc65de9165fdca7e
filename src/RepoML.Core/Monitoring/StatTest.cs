namespace RepoML.Core.Monitoring;

/// <summary>The per-feature drift tests, named as Evidently names them (the monitor file uses these names in lower case).</summary>
public enum StatTest
{
    /// <summary>Two-sample Kolmogorov–Smirnov p-value (<c>ks</c>).</summary>
    Ks,

    /// <summary>Chi-square p-value on category counts (<c>chisquare</c>).</summary>
    ChiSquare,

    /// <summary>Two-proportion z-test p-value for two-valued features (<c>z</c>).</summary>
    Z,

    /// <summary>Normalised Wasserstein distance (<c>wasserstein</c>).</summary>
    Wasserstein,

    /// <summary>Jensen–Shannon distance on binned shares (<c>jensenshannon</c>).</summary>
    JensenShannon,

    /// <summary>Population stability index (<c>psi</c>).</summary>
    Psi,
}
