namespace RepoML.Core.Monitoring;

/// <summary>
/// Feature attribution drift as Azure ML measures it: normalised discounted cumulative gain (NDCG) of the production
/// importance ranking, with the baseline importances as relevance. 1 means the same ranking; below the threshold alerts.
/// </summary>
/// <param name="Baseline">Importance per feature in the baseline.</param>
/// <param name="Production">Importance per feature in the current window.</param>
public sealed record AttributionDrift(IReadOnlyDictionary<string, double> Baseline, IReadOnlyDictionary<string, double> Production, double Ndcg,
    double Threshold)
{
    public bool Drifted => !double.IsNaN(Ndcg) && Ndcg < Threshold;

    /// <summary>NDCG over all features present in both, relevance = baseline importance (negatives count as 0).</summary>
    public static AttributionDrift Compute(IReadOnlyDictionary<string, double> baseline, IReadOnlyDictionary<string, double> production,
        double threshold)
    {
        var features = baseline.Keys.Where(production.ContainsKey).ToList();
        double Relevance(string f) => Math.Max(baseline[f], 0);
        double Dcg(IEnumerable<string> order) => order.Select((f, i) => Relevance(f) / Math.Log2(i + 2)).Sum();
        var ideal = Dcg(features.OrderByDescending(Relevance).ThenBy(f => f, StringComparer.Ordinal));
        var actual = Dcg(features.OrderByDescending(f => production[f]).ThenBy(f => f, StringComparer.Ordinal));
        return new AttributionDrift(baseline, production, ideal > 0 ? actual / ideal : double.NaN, threshold);
    }
}
