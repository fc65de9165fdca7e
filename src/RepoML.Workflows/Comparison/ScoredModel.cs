namespace RepoML.Workflows.Comparison;

/// <summary>
/// One model scored on the evaluation table with ONNX Runtime, through the same <see cref="ModelEvaluator"/> as
/// <c>repoml evaluate</c>, so the comparison's metrics are evaluate's metrics. Keeps the session for permutation importance.
/// </summary>
/// <param name="Features">The model's input columns, for permutation importance.</param>
public sealed record ScoredModel(
    OnnxRuntimeScorer Scorer, EvaluationTarget Target, IReadOnlyList<string> Features, PredictionSet Predictions, ModelSummary Summary) : IDisposable
{
    private const int LatencyRows = 2_000;

    /// <param name="label">Label column (null: model-info.json's).</param>
    /// <param name="task">Task (null: model-info.json's).</param>
    public static ScoredModel Score(ResolvedModel model, CsvTable table, string? label, MlTask? task, TimeProvider time)
    {
        var (onnxPath, info) = ModelFiles.Resolve(model.Folder);
        var labelColumn = label ?? info?.Label ?? throw
            WorkflowException.Usage($"{model.Source}: no model-info.json; give the label in the policy (label:)");
        var effectiveTask = task ?? info?.Task ?? throw
            WorkflowException.Usage($"{model.Source}: no model-info.json; give the task in the policy (task:)");
        var scorer = OnnxRuntimeScorer.Load(onnxPath);
        try
        {
            var target = info is not null && info.Task == effectiveTask ? EvaluationTarget.FromInfo(info,
                labelColumn) : EvaluationTarget.Discover(effectiveTask, labelColumn, scorer.Signature, table);

            var result = ModelEvaluator.Evaluate(scorer, table, target);

            // Latency is timed on a second, warm pass (the first run of a session allocates and JIT-compiles) over at most LatencyRows rows.
            var timed = table.Rows.Count <= LatencyRows ? table : table.Select([.. Enumerable.Range(0, LatencyRows)]);
            var started = time.GetTimestamp();
            ModelEvaluator.Evaluate(scorer, timed, target);
            var elapsed = time.GetElapsedTime(started);
            var summary = new ModelSummary(model.Source, new FileInfo(onnxPath).Length, elapsed.TotalMicroseconds / timed.Rows.Count);
            var features = info?.Features.Select(f => f.Name).ToList() ?? [.. scorer.Signature.Inputs.Select(i => i.Name)];
            return new ScoredModel(scorer, target, features, ToPredictions(result), summary);
        }
        catch
        {
            scorer.Dispose();
            throw;
        }
    }

    /// <summary>The evaluator's per-row outputs as Core's prediction set (same numbers the metrics were computed from).</summary>
    public static PredictionSet ToPredictions(EvaluationResult result)
    {
        switch (result.Task)
        {
            case MlTask.Binary:
                var positive = result.Classes[1];
                return PredictionSet.Binary(
                    [.. result.Actual.Select(a => a == positive)], [.. result.Predicted.Select(p
                        => p == positive)], result.Probabilities, result.Classes);
            case MlTask.Multiclass:
                var index = result.Classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
                return PredictionSet.Multiclass(result.Classes, [.. result.Actual.Select(a => index[a])], [.. result.Predicted.Select(p
                    => index[p])], result.Probabilities);
            default:
                return PredictionSet.Regression(
                    [.. result.Actual.Select(a => double.Parse(a, System.Globalization.CultureInfo.InvariantCulture))], result.Scores ?? []);
        }
    }

    public void Dispose() => Scorer.Dispose();
}
