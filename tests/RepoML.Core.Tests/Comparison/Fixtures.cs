namespace RepoML.Core.Tests.Comparison;

/// <summary>Deterministic prediction sets and reports for the comparison tests.</summary>
internal static class Fixtures
{
    /// <summary>A binary set with <paramref name="rows"/> rows; scores rounded to 2 decimals so ties occur.</summary>
    public static PredictionSet Binary(int rows, int seed, double skill)
    {
        var random = new Random(seed);
        var actual = new bool[rows];
        var probability = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            actual[i] = random.NextDouble() < 0.4;
            var p = ((actual[i] ? skill : -skill) + random.NextDouble()) / (1 + (2 * skill)) + (skill / (1 + (2 * skill)));
            probability[i] = Math.Round(Math.Clamp(p, 0, 1), 2);
        }

        return PredictionSet.Binary(actual, [.. probability.Select(p => p >= 0.5)], probability, ["bad", "good"]);
    }

    /// <summary>The same rows and truth as <paramref name="truth"/>, with other scores.</summary>
    public static PredictionSet BinaryLike(PredictionSet truth, int seed, double noise)
    {
        var random = new Random(seed);
        var probability = truth.Probabilities.Select(p => Math.Round(Math.Clamp(p + ((random.NextDouble() - 0.5) * noise), 0, 1), 2)).ToArray();
        return PredictionSet.Binary([.. truth.ActualClass.Select(a => a == 1)], [.. probability.Select(p => p >= 0.5)], probability, truth.Classes);
    }

    public static PredictionSet Multiclass(int rows, int seed, int classes = 3)
    {
        var random = new Random(seed);
        var actual = new int[rows];
        var predicted = new int[rows];
        var probabilities = new double[rows * classes];
        for (var i = 0; i < rows; i++)
        {
            actual[i] = random.Next(classes);
            double total = 0;
            for (var c = 0; c < classes; c++)
            {
                var v = random.NextDouble() + (c == actual[i] ? 0.8 : 0);
                probabilities[(i * classes) + c] = v;
                total += v;
            }

            for (var c = 0; c < classes; c++)
            {
                probabilities[(i * classes) + c] /= total;
                predicted[i] = probabilities[(i * classes) + c] > probabilities[(i * classes) + predicted[i]] ? c : predicted[i];
            }
        }

        return PredictionSet.Multiclass([.. Enumerable.Range(0, classes).Select(c => "c" + c)], actual, predicted, probabilities);
    }

    public static PredictionSet Regression(int rows, int seed, double noise)
    {
        var random = new Random(seed);
        var actual = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 100).ToArray();
        return PredictionSet.Regression(actual, [.. actual.Select(a => a + ((random.NextDouble() - 0.5) * noise))]);
    }

    /// <summary>Expands a prediction set by row counts, as a bootstrap resample would be drawn.</summary>
    public static PredictionSet Expand(PredictionSet set, int[] counts)
    {
        var rows = Enumerable.Range(0, counts.Length).SelectMany(i => Enumerable.Repeat(i, counts[i])).ToArray();
        return set.Task switch
        {
            RepoML.Core.Metrics.MlTask.Binary => PredictionSet.Binary(
                [.. rows.Select(r => set.ActualClass[r] == 1)], [.. rows.Select(r => set.PredictedClass[r] == 1)], [.. rows.Select(r
                    => set.Probabilities[r])], set.Classes),
            RepoML.Core.Metrics.MlTask.Multiclass => PredictionSet.Multiclass(
                set.Classes, [.. rows.Select(r => set.ActualClass[r])], [.. rows.Select(r => set.PredictedClass[r])], [.. rows.SelectMany(r
                    => set.Probabilities.Skip(r * set.Width).Take(set.Width))]),
            _ => PredictionSet.Regression([.. rows.Select(r => set.ActualValue[r])], [.. rows.Select(r => set.PredictedValue[r])]),
        };
    }

    /// <summary>A report built from fixed inputs: every number in it is deterministic.</summary>
    public static ComparisonReport Report(bool withBaseline, IReadOnlyList<MetricGate>? gates = null)
    {
        var candidate = Binary(300, 1, 0.35);
        var baseline = BinaryLike(candidate, 2, 0.5);
        var policy = ComparePolicy.Default with
        {
            PrimaryMetric = "roc_auc",
            Resamples = 200,
            TopDisagreements = 5,
            Gates = gates ?? [new MetricGate("roc_auc", Threshold: 0.7, MinAbsoluteChange: -0.02), new MetricGate("log_loss",
                MinRelativeChange: 0.5)],
        };
        IReadOnlyList<FeatureImportance> importance = [new("duration", 0.05, 0.01), new("age", 0.01, 0.002), new("purpose<&>", -0.001, 0.0005)];
        return ComparisonBuilder.Build(new ComparisonInputs(
            "credit",
            "${{candidate.jobs.split.outputs.test}}/test.csv",
            policy,
            candidate,
            new ModelSummary("run 20250101-000000-abcdef", 29_184, 12.5),
            withBaseline ? baseline : null,
            withBaseline ? new ModelSummary("credit:3", 99_430, 8.25) : null,
            importance,
            withBaseline ? [new("duration", 0.04, 0.01), new("age", 0.02, 0.002)] : []));
    }
}
