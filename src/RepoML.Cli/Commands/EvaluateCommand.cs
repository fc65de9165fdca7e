using System.CommandLine;
using RepoML.Cli.Output;
using RepoML.Core.Metrics;
using RepoML.Onnx;
using RepoML.Training;
using RepoML.Training.Data;
using RepoML.Training.Evaluation;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml evaluate MODEL_PATH</c>: scores a CSV file with ONNX Runtime and writes metrics.json and, optionally, per-row predictions.</summary>
public static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "A model.onnx file, or a folder holding model.onnx and model-info.json (as written by 'repoml train')." };
        var data = new Option<string>("--data") { Description = "CSV file with a header row: the model's input columns and the label.", Required = true };
        var label = new Option<string?>("--label") { Description = "Label column (default: the label recorded in model-info.json)." };
        var task = new Option<MlTask?>("--task") { Description = "binary, multiclass or regression (default: from model-info.json)." };
        var outFile = new Option<string>("--out") { Description = "Where to write metrics.json.", Required = true };
        var predictions = new Option<string?>("--predictions") { Description = "Also write one CSV row per input row: row, actual, predicted, probabilities/score." };
        var output = CommonOptions.Output();
        var command = new Command("evaluate", "Score a dataset with ONNX Runtime and compute the task's metrics.") { model, data, label, task, outFile, predictions, output };
        command.SetAction(parse => TrainingCommandRunner.Run(context, () => Run(
            context, parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(label), parse.GetValue(task), parse.GetValue(outFile)!, parse.GetValue(predictions), parse.GetValue(output))));
        return command;
    }

    private static int Run(CliContext context, string modelPath, string data, string? label, MlTask? task, string outFile, string? predictionsFile, OutputFormat format)
    {
        var (onnxPath, info) = ModelFiles.Resolve(context.FullPath(modelPath));
        if (info is not null && task is { } t && t != info.Task)
        {
            throw WorkflowException.Usage($"--task {TrainingCommandRunner.Lower(t)} contradicts model-info.json (task {TrainingCommandRunner.Lower(info.Task)})");
        }

        var labelColumn = label ?? info?.Label ?? throw WorkflowException.Usage("--label is required when the model has no model-info.json");
        var effectiveTask = task ?? info?.Task ?? throw WorkflowException.Usage("--task is required when the model has no model-info.json");
        var table = CsvTable.Load(context.FullPath(data), data);
        using var scorer = OnnxRuntimeScorer.Load(onnxPath);
        var target = info is not null ? EvaluationTarget.FromInfo(info, labelColumn) : EvaluationTarget.Discover(effectiveTask, labelColumn, scorer.Signature, table);
        var result = TrainingCommandRunner.WithStatus(context, "Scoring…", () => ModelEvaluator.Evaluate(scorer, table, target));

        var metrics = MetricsDocument.Create(effectiveTask, "data", data, table.Rows.Count, result.Metrics);
        WriteFile(context.FullPath(outFile), writer => writer.Write(metrics.ToJson()));
        if (predictionsFile is not null)
        {
            WriteFile(context.FullPath(predictionsFile), writer => PredictionsCsv.Write(writer, result));
        }

        if (format == OutputFormat.Json)
        {
            TrainingCommandRunner.WriteJson(context, new
            {
                Command = "evaluate",
                Model = modelPath,
                Task = TrainingCommandRunner.Lower(effectiveTask),
                Label = labelColumn,
                Rows = table.Rows.Count,
                Out = outFile,
                Predictions = predictionsFile,
                metrics.Metrics,
            });
        }
        else
        {
            context.Output.WriteLine($"Evaluated {modelPath} on {table.Rows.Count} rows of {data} → {outFile}{(predictionsFile is null ? "" : $", {predictionsFile}")}");
            context.Output.WriteLine(MetricsText.Format(metrics.Metrics));
        }

        return (int)ExitCode.Success;
    }

    private static void WriteFile(string path, Action<TextWriter> write)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path);
        write(writer);
    }
}
