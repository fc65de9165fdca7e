namespace RepoML.Core.Monitoring;

/// <summary>Names, defaults and the direction of each <see cref="StatTest"/>.</summary>
public static class StatTests
{
    /// <summary>The names the monitor file accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ks", "chisquare", "z", "wasserstein", "jensenshannon", "psi"];

    public static string Name(StatTest test) => Names[(int)test];

    public static StatTest? Parse(string? name)
    {
        var index = Names.ToList().FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (StatTest)index;
    }

    /// <summary>True for tests whose value is a p-value (drift when below the threshold); distances drift at or above it.</summary>
    public static bool IsPValue(StatTest test) => test is StatTest.Ks or StatTest.ChiSquare or StatTest.Z;

    /// <summary>Evidently's default threshold: p &lt; 0.05 for tests, 0.1 for distances and PSI.</summary>
    public static double DefaultThreshold(StatTest test) => IsPValue(test) ? 0.05 : 0.1;

    /// <summary>Whether the test's value means drift at <paramref name="threshold"/>.</summary>
    public static bool Drifted(StatTest test, double value, double threshold) =>
        !double.IsNaN(value) && (IsPValue(test) ? value < threshold : value >= threshold);

    /// <summary>
    /// Evidently's default choice: with at most <paramref name="largeSampleRows"/> reference rows, KS for numeric features
    /// with more than 5 values, else chi-square (more than 2 values) or z (two values); above it, Wasserstein for numeric
    /// features with more than 5 values, else Jensen–Shannon.
    /// </summary>
    public static StatTest Default(FeatureKind kind, long referenceRows, int distinctValues, int largeSampleRows)
    {
        var fewValues = kind == FeatureKind.Categorical || distinctValues <= 5;
        if (referenceRows <= largeSampleRows)
        {
            return !fewValues ? StatTest.Ks : distinctValues > 2 ? StatTest.ChiSquare : StatTest.Z;
        }

        return fewValues ? StatTest.JensenShannon : StatTest.Wasserstein;
    }
}
