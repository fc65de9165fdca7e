namespace RepoML.Core.Comparison;

/// <summary>
/// Row-by-row agreement of two models. Classification: same predicted class; the gap is |ΔP(positive)| (binary) or the
/// total variation distance ½Σ|Δp| of the class probabilities (multiclass). Regression: |Δprediction| within
/// a tolerance of 10 % of the truth's standard deviation counts as agreement.
/// </summary>
public static class PredictionAgreement
{
    /// <summary>Share of the truth's standard deviation under which two regression predictions agree.</summary>
    public const double RegressionToleranceFraction = 0.1;

    public static AgreementSummary Compute(PredictionSet candidate, PredictionSet baseline, int top)
    {
        if (!candidate.IsPairedWith(baseline))
        {
            throw new ArgumentException("the candidate and baseline predictions must cover the same rows with the same truth");
        }

        var n = candidate.Rows;
        var gaps = new double[n];
        var differs = new bool[n];
        double? tolerance = null;
        if (candidate.Task == MlTask.Regression)
        {
            var mean = candidate.ActualValue.Average();
            tolerance = RegressionToleranceFraction * Math.Sqrt(candidate.ActualValue.Sum(v => (v - mean) * (v - mean)) / n);
        }

        for (var i = 0; i < n; i++)
        {
            gaps[i] = Gap(candidate, baseline, i);
            differs[i] = tolerance is { } t ? gaps[i] > t : candidate.PredictedClass[i] != baseline.PredictedClass[i];
        }

        var disagreeing = differs.Count(d => d);
        var rows = Enumerable.Range(0, n)
            .Where(i => differs[i] || gaps[i] > 0)
            .OrderByDescending(i => differs[i])
            .ThenByDescending(i => gaps[i])
            .ThenBy(i => i)
            .Take(top)
            .Select(i => new Disagreement(i, candidate.ActualText(i), candidate.PredictedText(i), baseline.PredictedText(i), gaps[i]))
            .ToList();
        return new AgreementSummary((double)(n - disagreeing) / n, disagreeing, gaps.Average(), tolerance, rows);
    }

    private static double Gap(PredictionSet c, PredictionSet b, int row)
    {
        switch (c.Task)
        {
            case MlTask.Binary:
                return Math.Abs(c.Probabilities[row] - b.Probabilities[row]);
            case MlTask.Multiclass:
                double sum = 0;
                for (var k = 0; k < c.Width; k++)
                {
                    sum += Math.Abs(c.Probabilities[(row * c.Width) + k] - b.Probabilities[(row * b.Width) + k]);
                }

                return sum / 2;
            default:
                return Math.Abs(c.PredictedValue[row] - b.PredictedValue[row]);
        }
    }
}
