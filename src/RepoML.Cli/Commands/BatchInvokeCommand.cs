using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RepoML.Cli.Commands.Serving;
using RepoML.Cli.Infrastructure;
using RepoML.Cli.Output;
using RepoML.Core.Scoring;
using RepoML.Core.Serving;
using RepoML.Core.Specs;
using RepoML.Serving.CustomScorers;
using RepoML.Serving.Hosting;
using RepoML.Training.Data;
using Spectre.Console;

namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml batch invoke endpoints/NAME --input PATH…</c>: scores CSV files locally with the batch deployment's model and
/// settings (mini_batch_size rows per mini-batch, max_concurrency_per_instance, append_row → output_file_name,
/// error_threshold, retry_settings).
/// </summary>
public static class BatchInvokeCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = new Argument<string>("endpoint") { Description = "The batch endpoint folder, e.g. endpoints/credit-batch." };
        var input = new Option<string[]>("--input", "-i") { Description = "CSV files or folders of CSV files to score (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var outputPath = new Option<string>("--output-path") { Description = "Folder for output_file_name (as az ml batch-endpoint invoke --output-path).", DefaultValueFactory = _ => "batch-output" };
        var deployment = new Option<string?>("--deployment", "-d") { Description = "Deployment to use (default: the endpoint's defaults.deployment_name)." };
        var model = new Option<string[]>("--model", "-m") { Description = "DEPLOYMENT=PATH: use this model file or folder for a deployment (repeatable)." };
        var output = CommonOptions.Output();
        var command = new Command("invoke", "Score files with a batch endpoint's deployment locally, with its mini-batch, concurrency, retry and error settings.") { endpoint, input, outputPath, deployment, model, output };
        command.SetAction((parse, cancellation) => RunAsync(context, parse.GetValue(endpoint)!, parse.GetValue(input)!, parse.GetValue(outputPath)!, parse.GetValue(deployment),
            ModelOverrides.Parse(context, parse.GetValue(model)), parse.GetValue(output), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string endpoint, string[] inputs, string outputPath, string? deploymentName, IReadOnlyDictionary<string, string> models, OutputFormat format, CancellationToken cancellation)
    {
        var folder = context.FullPath(endpoint);
        var root = WorkspaceRoot.Find(folder);
        try
        {
            var (endpointSpec, deployments) = EndpointFiles.Read(folder, root, batch: true);
            var chosen = deploymentName ?? endpointSpec.Root?.GetMapping("defaults")?.GetString("deployment_name") ?? (deployments.Count == 1 ? deployments[0].Name : null);
            var spec = deployments.FirstOrDefault(d => d.Name == chosen)
                ?? throw new UsageException(chosen is null ? "the endpoint has several deployments and no defaults.deployment_name; pass --deployment" : $"the endpoint has no deployment '{chosen}'");
            var settings = BatchSettings.Read(spec);
            var deployment = ServingSpecReader.ReadDeployment(spec);
            using var scorer = await BatchDeploymentScorer.LoadAsync(context, root, spec, deployment, settings, models, cancellation);
            var (columns, rows) = ReadInputs(context, inputs);
            var batch = new BatchScorer(scorer.Rows, settings);
            var outcome = context.Interactive
                ? await context.Console.Progress().StartAsync(async p =>
                {
                    var task = p.AddTask($"Scoring {rows.Count:N0} rows", maxValue: rows.Count);
                    return await batch.ScoreAsync(columns, rows, done => task.Value = done, cancellation);
                })
                : await batch.ScoreAsync(columns, rows, _ => { }, cancellation);

            var outputFile = Path.Combine(context.FullPath(outputPath), settings.OutputFileName);
            if (settings.AppendRows)
            {
                BatchOutputFile.Write(outputFile, scorer.Rows.KnownColumns, outcome);
            }

            Report(context, format, deployment.Name, settings, rows.Count, outcome, settings.AppendRows ? outputFile : null);
            return outcome.ThresholdExceeded ? (int)ExitCode.Invalid : (int)ExitCode.Success;
        }
        catch (Exception ex) when (ex is EndpointLoadException or ModelResolutionException or ScoringInputException or TrainingDataException or ScorerLoadException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return (int)ExitCode.Invalid;
        }
    }

    private static (IReadOnlyList<string> Columns, IReadOnlyList<BatchRow> Rows) ReadInputs(CliContext context, string[] inputs)
    {
        var files = inputs.Select(context.FullPath).SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [p]).ToList();
        IReadOnlyList<string>? columns = null;
        var rows = new List<BatchRow>();
        foreach (var file in files)
        {
            var table = CsvTable.Load(file, Path.GetRelativePath(context.CurrentDirectory, file));
            columns ??= table.Header;
            var map = columns.Select(c => table.Header.ToList().IndexOf(c)).ToArray();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var cells = map.Select(i => i >= 0 && i < table.Rows[r].Length ? table.Rows[r][i] : "").ToArray();
                rows.Add(new BatchRow(rows.Count, table.Source, table.LineNumbers[r], cells));
            }
        }

        return (columns ?? throw new UsageException("--input matched no CSV file"), rows);
    }

    private static void Report(CliContext context, OutputFormat format, string deployment, BatchSettings settings, int rows, BatchOutcome outcome, string? outputFile)
    {
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new { deployment, rows, scored = outcome.Scored.Count, failed = outcome.Failed, threshold_exceeded = outcome.ThresholdExceeded, output = outputFile, failures = outcome.Failures.Take(20) }));
            return;
        }

        foreach (var failure in outcome.Failures.Take(10))
        {
            context.Error.WriteLine($"failed: {failure}");
        }

        context.Output.WriteLine($"{deployment}: {outcome.Scored.Count:N0} of {rows:N0} rows scored, {outcome.Failed:N0} failed (mini-batches of {settings.MiniBatchSize}, {settings.MaxConcurrency} at once){(outputFile is null ? "" : $" → {Path.GetRelativePath(context.CurrentDirectory, outputFile)}")}");
        if (outcome.ThresholdExceeded)
        {
            context.Error.WriteLine($"error: {outcome.Failed} rows failed, more than error_threshold {settings.ErrorThreshold}");
        }
    }
}
