using RepoML.Core.Metrics;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml evaluate MODEL_PATH</c>: scores a CSV file with ONNX Runtime and writes metrics.json and, optionally, per-row
/// predictions.</summary>
public static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description =
            "A model.onnx file, or a folder holding model.onnx and model-info.json (as written by 'repoml train')." };
        var data = new Option<string>("--data") { Description = "CSV file with a header row: the model's input columns and the label.",
            Required = true };
        var label = new Option<string?>("--label") { Description = "Label column (default: the label recorded in model-info.json)." };
        var task = new Option<MlTask?>("--task") { Description = "binary, multiclass or regression (default: from model-info.json)." };
        var outFile = new Option<string>("--out") { Description = "Where to write metrics.json.", Required = true };
        var predictions = new Option<string?>("--predictions") { Description =
            "Also write one CSV row per input row: row, actual, predicted, probabilities/score." };
        var output = CommonOptions.Output();
        var command = new Command("evaluate", "Score a dataset with ONNX Runtime and compute the task's metrics.") { model, data, label, task,
            outFile, predictions, output };
        command.SetAction(parse => TrainingCommandRunner.Run(context, () => Run(
            context, parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(label), parse.GetValue(task), parse.GetValue(outFile)!,
                parse.GetValue(predictions), parse.GetValue(output))));
        return command;
    }

    private static int Run(CliContext context, string modelPath, string data, string? label, MlTask? task, string outFile,
        string? predictionsFile, OutputFormat format)
    {
        var evaluated = Evaluation.Run(context, modelPath, data, label, task, outFile, predictionsFile);
        if (format == OutputFormat.Json)
        {
            TrainingCommandRunner.WriteJson(context, new
            {
                Command = "evaluate",
                Model = modelPath,
                Task = TrainingCommandRunner.Lower(evaluated.Task),
                Label = evaluated.Label,
                evaluated.Rows,
                Out = outFile,
                Predictions = predictionsFile,
                evaluated.Metrics.Metrics,
            });
        }
        else
        {
            context.Output.WriteLine($"Evaluated {modelPath} on {evaluated.Rows} rows of {data} → " +
                $"{outFile}{(predictionsFile is null ? "" : $", {predictionsFile}")}");
            context.Output.WriteLine(MetricsText.Format(evaluated.Metrics.Metrics));
        }

        return (int)ExitCode.Success;
    }
}
