namespace RepoML.Core.Monitoring;

/// <summary>One feature's drift figure in one monitoring window, as the history keeps it.</summary>
/// <param name="Test">The test's name (<c>ks</c>, <c>psi</c>…); its value is a p-value or a distance.</param>
public sealed record DriftPoint(string Feature, string Test, double Value, double Threshold, bool Drifted)
{
    /// <summary>
    /// The value on one scale for every test, 1 at the threshold and above it when drifted: distance / threshold, and for
    /// p-values log(p) / log(threshold) (p = 1 gives 0, p = threshold gives 1, p = threshold² gives 2). NaN without a verdict.
    /// </summary>
    public double Score
    {
        get
        {
            if (double.IsNaN(Value) || !(Threshold > 0)) { return double.NaN; }
            var test = StatTests.Parse(Test);
            if (test is { } t && StatTests.IsPValue(t))
            {
                return Threshold >= 1 ? double.NaN : Math.Log(Math.Max(Value, double.Epsilon)) / Math.Log(Threshold);
            }

            return Value / Threshold;
        }
    }

    public static DriftPoint From(FeatureDrift drift) =>
        new(drift.Feature, StatTests.Name(drift.Test), drift.Value, drift.Threshold, drift.Drifted);
}
