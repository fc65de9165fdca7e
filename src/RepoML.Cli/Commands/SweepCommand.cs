using RepoML.Core.Sweeps;
using RepoML.Training.Sweeps;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml sweep</c>: grid or random hyper-parameter search, best trial by a primary metric on a validation split (as Azure ML
/// sweep jobs).</summary>
public static class SweepCommand
{
    public static Command Create(CliContext context)
    {
        var options = new TrainingOptions();
        var search = new Option<SearchAlgorithm>("--search") { Description = "grid (every combination of the listed values) or random.",
            Required = true };
        var trials = new Option<int?>("--trials") { Description = "Random: number of trials (default 10). Grid: at most this many combinations." };
        var space = new Option<string[]>("--space") { Description =
            "Search dimension, repeatable: name=v1,v2,v3 (choices) or name=lo..hi (uniform; random search only).", Required = true };
        var primary = new Option<string>("--primary-metric") { Description =
            "Metric that picks the best trial (e.g. roc_auc, accuracy, macro_f1, rmse).", Required = true };
        var goal = new Option<string>("--goal") { Description = "maximize or minimize the primary metric.", Required = true };
        goal.AcceptOnlyFromAmong("maximize", "minimize");
        var validation = new Option<double>("--validation-fraction") { Description = "Share of rows held out to score the trials.",
            DefaultValueFactory = _ => 0.2 };
        var output = CommonOptions.Output();
        var command = new Command("sweep", "Search hyper-parameters: train every trial, keep the best model by the primary metric on a " +
            "validation split.");
        options.AddTo(command);
        foreach (var option in new Option[] { search, trials, space, primary, goal, validation, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => TrainingCommandRunner.Run(context, () =>
        {
            var training = options.Request(parse);
            if (parse.GetValue(validation) is var fraction && (fraction is <= 0 or >= 1 || double.IsNaN(fraction)))
            {
                throw WorkflowException.Usage($"--validation-fraction must be between 0 and 1 (exclusive), got {fraction}");
            }

            if (parse.GetValue(trials) is < 1)
            {
                throw WorkflowException.Usage("--trials must be at least 1");
            }

            var request = new SweepRequest(
                training,
                [.. parse.GetValue(space)!.Select(s => SearchSpaceOption.Parse(training.Trainer, s))],
                parse.GetValue(search),
                parse.GetValue(primary)!,
                parse.GetValue(goal) == "maximize",
                parse.GetValue(trials),
                parse.GetValue(validation));
            return Run(context, request, parse.GetValue(options.Data)!, parse.GetValue(options.Out)!, parse.GetValue(output));
        }));
        return command;
    }

    private static int Run(CliContext context, SweepRequest request, string data, string outDir, OutputFormat format)
    {
        var (result, files) = Sweep.Run(context, request, data, outDir);
        var best = result.Trials[result.BestTrial];
        if (format == OutputFormat.Json)
        {
            TrainingCommandRunner.WriteJson(context, new
            {
                Command = "sweep",
                Out = outDir,
                Files = files.Select(Path.GetFileName),
                TrialCount = result.Trials.Count,
                result.BestTrial,
                result.PrimaryMetric,
                result.Goal,
                BestValue = best.PrimaryValue,
                BestParams = best.Parameters,
                BestMetrics = best.Metrics,
            });
        }
        else
        {
            context.Output.WriteLine($"Ran {result.Trials.Count} trial(s) on {result.TrainRows} rows, validated on " +
                $"{result.ValidationRows}; best trial {result.BestTrial}: {result.PrimaryMetric} " +
                $"{best.PrimaryValue?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}");
            context.Output.WriteLine($"Best params: " +
                $"{string.Join(", ", best.Parameters.Select(p => FormattableString.Invariant($"{p.Key}={p.Value}")))} → " +
                $"{outDir}/model.onnx, trials.json");
        }

        return (int)ExitCode.Success;
    }
}
