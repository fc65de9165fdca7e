namespace RepoML.Bench.OnnxVsMlNet;

/// <summary>What the binary classifier predicts for one row.</summary>
public sealed class CreditPrediction
{
    public bool PredictedLabel { get; set; }

    public float Probability { get; set; }
}
