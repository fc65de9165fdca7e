namespace RepoML.Workflows.Training;

/// <summary>
/// The work of <c>repoml evaluate</c>: scores a CSV file with ONNX Runtime and writes metrics.json and, optionally,
/// per-row predictions. Label and task default to the model's model-info.json.
/// </summary>
public static class Evaluation
{
    public static EvaluationOutcome Run(WorkflowContext context, string modelPath, string data, string? label, MlTask? task, string outFile,
        string? predictionsFile)
    {
        var (onnxPath, info) = ModelFiles.Resolve(context.FullPath(modelPath));
        if (info is not null && task is { } t && t != info.Task)
        {
            throw WorkflowException.Usage($"--task {Lower(t)} contradicts model-info.json (task {Lower(info.Task)})");
        }

        var labelColumn = label ?? info?.Label ?? throw WorkflowException.Usage("--label is required when the model has no model-info.json");
        var effectiveTask = task ?? info?.Task ?? throw WorkflowException.Usage("--task is required when the model has no model-info.json");
        var table = CsvTable.Load(context.FullPath(data), data);
        using var scorer = OnnxRuntimeScorer.Load(onnxPath);
        var target = info is not null ? EvaluationTarget.FromInfo(info, labelColumn) : EvaluationTarget.Discover(effectiveTask, labelColumn,
            scorer.Signature, table);
        var result = context.WithStatus("Scoring…", () => ModelEvaluator.Evaluate(scorer, table, target));

        var metrics = MetricsDocument.Create(effectiveTask, "data", data, table.Rows.Count, result.Metrics);
        TextFiles.Write(context.FullPath(outFile), writer => writer.Write(metrics.ToJson()));
        if (predictionsFile is not null)
        {
            TextFiles.Write(context.FullPath(predictionsFile), writer => PredictionsCsv.Write(writer, result));
        }

        return new EvaluationOutcome(effectiveTask, labelColumn, table.Rows.Count, metrics);
    }

    private static string Lower(MlTask task) => task.ToString().ToLowerInvariant();
}

/// <summary>What an evaluation scored: the task, the label column, the rows and the metrics written.</summary>
public sealed record EvaluationOutcome(MlTask Task, string Label, int Rows, MetricsDocument Metrics);
