namespace RepoML.Core.Monitoring;

/// <summary>Drift over all features: each feature's result, the share that drifted and whether that reaches the dataset threshold.</summary>
public sealed record DatasetDrift(IReadOnlyList<FeatureDrift> Features, double DriftShareThreshold)
{
    /// <summary>Features with a verdict (not "not enough data").</summary>
    public int Judged => Features.Count(f => f.Status != DriftStatus.NotEnoughData);

    public int DriftedCount => Features.Count(f => f.Drifted);

    /// <summary>Drifted features over judged features (Azure ML's drift coefficient analogue); 0 when none could be judged.</summary>
    public double Share => Judged == 0 ? 0 : (double)DriftedCount / Judged;

    public bool Drifted => Judged > 0 && Share >= DriftShareThreshold;
}
