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
        var endpoint = CommonOptions.Endpoint("The batch endpoint folder, e.g. endpoints/credit-batch.");
        var input = new Option<string[]>("--input", "-i") { Description = "CSV files or folders of CSV files to score (repeatable).",
            Required = true, AllowMultipleArgumentsPerToken = true };
        var outputPath = new Option<string>("--output-path") { Description =
            "Folder for output_file_name (as az ml batch-endpoint invoke --output-path).", DefaultValueFactory = _ => "batch-output" };
        var deployment = new Option<string?>("--deployment",
            "-d") { Description = "Deployment to use (default: the endpoint's defaults.deployment_name)." };
        var model = new Option<string[]>("--model",
            "-m") { Description = "DEPLOYMENT=PATH: use this model file or folder for a deployment (repeatable)." };
        var output = CommonOptions.Output();
        var command = new Command("invoke", "Score files with a batch endpoint's deployment locally, with its mini-batch, concurrency, " +
            "retry and error settings.") { endpoint, input, outputPath, deployment, model, output };
        command.SetAction(async (parse, cancellation) =>
        {
            var request = new BatchRequest(parse.GetValue(endpoint)!, parse.GetValue(input)!, parse.GetValue(outputPath)!, parse.GetValue(deployment),
                ModelOverrides.Parse(context, parse.GetValue(model)));
            var result = await BatchInvocation.RunAsync(context, request, cancellation);
            Report(context, parse.GetValue(output), result);
            return ExitCodes.Of(result.Failure);
        });
        return command;
    }

    private static void Report(CliContext context, OutputFormat format, BatchResult result)
    {
        var (deployment, settings, rows, outcome, outputFile) = (result.Deployment, result.Settings, result.Rows, result.Outcome, result.OutputFile);
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new { deployment, rows, scored = outcome.Scored.Count, failed = outcome.Failed,
                threshold_exceeded = outcome.ThresholdExceeded, output = outputFile, failures = outcome.Failures.Take(20) }));
            return;
        }

        foreach (var failure in outcome.Failures.Take(10))
        {
            context.Error.WriteLine($"failed: {failure}");
        }

        context.Output.WriteLine($"{deployment}: {outcome.Scored.Count:N0} of {rows:N0} rows scored, {outcome.Failed:N0} failed " +
            $"(mini-batches of {settings.MiniBatchSize}, {settings.MaxConcurrency} at " +
            $"once){(outputFile is null ? "" : $" → {Path.GetRelativePath(context.CurrentDirectory, outputFile)}")}");
        if (outcome.ThresholdExceeded)
        {
            context.Error.WriteLine($"error: {outcome.Failed} rows failed, more than error_threshold {settings.ErrorThreshold}");
        }
    }
}
