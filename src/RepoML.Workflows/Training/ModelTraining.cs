namespace RepoML.Workflows.Training;

/// <summary>The work of <c>repoml train</c>: trains an ML.NET model on a CSV file and writes model.onnx, metrics.json and model-info.json.</summary>
public static class ModelTraining
{
    public static TrainingResult Run(WorkflowContext context, TrainingRequest request, string data, string outDir)
    {
        var table = CsvTable.Load(context.FullPath(data), data);
        var model = context.WithStatus("Training…", () => MlNetTrainer.Train(table, request));
        var metrics = MetricsDocument.Create(request.Task, "training", data, table.Rows.Count, model.TrainingEvaluation.Metrics);
        var files = ModelFiles.Write(context.FullPath(outDir), model, metrics);
        return new TrainingResult(table.Rows.Count, model, metrics, files);
    }
}

/// <summary>A trained model: the rows it learned from, its training-set metrics and the files written.</summary>
public sealed record TrainingResult(int Rows, TrainedModel Model, MetricsDocument Metrics, IReadOnlyList<string> Files);
