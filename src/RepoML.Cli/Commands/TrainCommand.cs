namespace RepoML.Cli.Commands;

/// <summary><c>repoml train</c>: trains an ML.NET model on a CSV file and writes model.onnx, metrics.json and model-info.json.</summary>
public static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var options = new TrainingOptions();
        var output = CommonOptions.Output();
        var command = new Command("train", "Train an ML.NET model on a CSV file and export it to ONNX (inputs named after the feature columns).");
        options.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse => TrainingCommandRunner.Run(context, () => Run(context, options, parse, parse.GetValue(output))));
        return command;
    }

    private static int Run(CliContext context, TrainingOptions options, ParseResult parse, OutputFormat format)
    {
        var request = options.Request(parse);
        var data = parse.GetValue(options.Data)!;
        var outDir = parse.GetValue(options.Out)!;
        var (rows, model, metrics, files) = ModelTraining.Run(context, request, data, outDir);
        if (format == OutputFormat.Json)
        {
            TrainingCommandRunner.WriteJson(context, new
            {
                Command = "train",
                Task = TrainingCommandRunner.Lower(request.Task),
                Trainer = TrainingCommandRunner.Lower(request.Trainer),
                Label = request.Label,
                Rows = rows,
                Out = outDir,
                Files = files.Select(Path.GetFileName),
                model.FoldedTextEncoders,
                Params = model.Info.Parameters,
                EvaluatedOn = "training",
                metrics.Metrics,
            });
        }
        else
        {
            var folded = model.FoldedTextEncoders switch
            {
                0 => "",
                1 => " (its text column's one-hot encoder folded into one ONNX node)",
                var n => $" ({n} text columns' one-hot encoders folded into one ONNX node each)",
            };
            context.Output.WriteLine($"Trained {TrainingCommandRunner.Lower(request.Trainer)} " +
                $"({TrainingCommandRunner.Lower(request.Task)}) on {rows} rows, {model.Info.Features.Count} features → {outDir}/model.onnx{folded}");
            context.Output.WriteLine("Training-set metrics: " + MetricsText.Format(metrics.Metrics));
        }

        return (int)ExitCode.Success;
    }
}
