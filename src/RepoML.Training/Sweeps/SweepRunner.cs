using RepoML.Core.Sweeps;
using RepoML.Onnx;

namespace RepoML.Training.Sweeps;

/// <summary>
/// Runs a hyper-parameter sweep as Azure ML sweep jobs do: one fixed train/validation split (stratified for
/// classification, from the seed), every trial trained on the train part and scored on the validation part
/// with ONNX Runtime, best trial by the primary metric (the first one wins ties).
/// </summary>
public static class SweepRunner
{
    /// <param name="progress">Called after each trial with (done, total).</param>
    public static SweepResult Run(CsvTable table, SweepRequest request, Action<int, int>? progress = null)
    {
        var training = request.Training;
        if (!MetricNames.ForTask(training.Task).Contains(request.PrimaryMetric))
        {
            throw new TrainingOptionsException($"primary metric '{request.PrimaryMetric}' is not reported for " +
                $"{training.Task.ToString().ToLowerInvariant()}; use one of {string.Join(", ", MetricNames.ForTask(training.Task))}");
        }

        IReadOnlyList<IReadOnlyDictionary<string, double>> plan;
        try
        {
            plan = SweepPlanner.Plan(request.Space, request.Algorithm, request.MaxTrials, training.Seed);
        }
        catch (SearchSpaceException ex)
        {
            throw new TrainingOptionsException(ex.Message);
        }

        var labelIndex = table.ColumnIndex(training.Label);
        var strata = training.Task == MlTask.Regression ? null : table.Rows.Select(r => r[labelIndex]).ToList();
        var (trainRows, validationRows) = DataSplitter.Split(table.Rows.Count, request.ValidationFraction, training.Seed, strata);
        var (train, validation) = (table.Select(trainRows), table.Select(validationRows));

        var trials = new List<SweepTrial>();
        TrainedModel? best = null;
        MetricsDocument? bestMetrics = null;
        var bestIndex = -1;
        foreach (var parameters in plan)
        {
            var fixedParameters = training.Parameters ?? [];
            var assignments = fixedParameters.Concat(parameters.Select(p => p.Key + "=" + p.Value.ToString("R",
                CultureInfo.InvariantCulture))).ToList();
            var model = MlNetTrainer.Train(train, training with { Parameters = assignments });
            using var scorer = OnnxRuntimeScorer.Load(model.Onnx);
            var evaluation = ModelEvaluator.Evaluate(scorer, validation, EvaluationTarget.FromInfo(model.Info));
            var value = evaluation.Metrics[request.PrimaryMetric];
            trials.Add(new SweepTrial(trials.Count, model.Info.Parameters, TrainingJson.Finite(evaluation.Metrics),
                double.IsFinite(value) ? value : null));
            if (double.IsFinite(value) && (bestIndex < 0 || Better(value, trials[bestIndex].PrimaryValue, request.Maximize)))
            {
                (best, bestIndex) = (model, trials.Count - 1);
                bestMetrics = MetricsDocument.Create(training.Task, "validation", validation.Source, validation.Rows.Count, evaluation.Metrics);
            }

            progress?.Invoke(trials.Count, plan.Count);
        }

        if (best is null || bestMetrics is null)
        {
            throw new TrainingDataException($"no trial produced a finite '{request.PrimaryMetric}' on the validation rows");
        }

        return new SweepResult(request.PrimaryMetric, request.Maximize ? "maximize" : "minimize", train.Rows.Count, validation.Rows.Count,
            trials, bestIndex, best, bestMetrics);
    }

    private static bool Better(double value, double? current, bool maximize) =>
        current is not { } c || (maximize ? value > c : value < c);
}
