namespace RepoML.Workflows.Serving;

/// <summary>
/// The work of <c>repoml batch invoke</c>: scores CSV files locally with a batch deployment's model and settings
/// (mini_batch_size rows per mini-batch, max_concurrency_per_instance, append_row → output_file_name, error_threshold, retry_settings).
/// </summary>
public static class BatchInvocation
{
    /// <exception cref="WorkflowException">No such deployment, no input, a model or scorer that cannot load, unreadable rows.</exception>
    public static async Task<BatchResult> RunAsync(WorkflowContext context, BatchRequest request, CancellationToken cancellation)
    {
        var folder = context.FullPath(request.Endpoint);
        var root = WorkspaceRoot.Find(folder);
        try
        {
            var (endpointSpec, deployments) = EndpointFiles.Read(folder, root, batch: true);
            var chosen = request.Deployment ?? endpointSpec.Root?.GetMapping("defaults")?.GetString("deployment_name")
                ?? (deployments.Count == 1 ? deployments[0].Name : null);
            var spec = deployments.FirstOrDefault(d => d.Name == chosen)
                ?? throw WorkflowException.Usage(chosen is null
                    ? "the endpoint has several deployments and no defaults.deployment_name; pass --deployment"
                    : $"the endpoint has no deployment '{chosen}'");
            var settings = BatchSettings.Read(spec);
            var deployment = ServingSpecReader.ReadDeployment(spec);
            using var scorer = await BatchDeploymentScorer.LoadAsync(context, root, spec, deployment, settings, request.Models, cancellation);
            var (columns, rows) = ReadInputs(context, request.Inputs);
            var batch = new BatchScorer(scorer.Rows, settings);
            var outcome = await context.WithProgressAsync($"Scoring {rows.Count:N0} rows",
                progress => batch.ScoreAsync(columns, rows, done => progress(done, rows.Count), cancellation));
            var outputFile = Path.Combine(context.FullPath(request.OutputPath), settings.OutputFileName);
            // A job over its error threshold failed: an earlier complete output in the same path stays as it was.
            if (settings.AppendRows && !outcome.ThresholdExceeded)
            {
                BatchOutputFile.Write(outputFile, scorer.Rows.KnownColumns, outcome);
            }

            return new BatchResult(deployment.Name, settings, rows.Count, outcome, settings.AppendRows && !outcome.ThresholdExceeded ? outputFile : null);
        }
        catch (Exception ex) when (ex is EndpointLoadException or ModelResolutionException or ScoringInputException or TrainingDataException or
            ScorerLoadException)
        {
            throw WorkflowException.Invalid(ex.Message, ex);
        }
    }

    private static (IReadOnlyList<string> Columns, IReadOnlyList<BatchRow> Rows) ReadInputs(WorkflowContext context, IReadOnlyList<string> inputs)
    {
        var files = inputs.Select(context.FullPath).SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.csv",
            SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [p]).ToList();
        IReadOnlyList<string>? columns = null;
        var rows = new List<BatchRow>();
        foreach (var file in files)
        {
            // A malformed row is one failed row (Azure ML's error_threshold counts it), not the end of the job.
            var malformed = new List<(int Line, string Problem)>();
            var table = CsvTable.Load(file, Path.GetRelativePath(context.CurrentDirectory, file), malformed);
            columns ??= table.Header;
            var map = columns.Select(c => table.Header.ToList().IndexOf(c)).ToArray();
            var read = Enumerable.Range(0, table.Rows.Count).Select(r => (Line: table.LineNumbers[r], Cells: map.Select(i => i >= 0 && i <
                table.Rows[r].Length ? table.Rows[r][i] : "").ToArray(), Problem: (string?)null))
                .Concat(malformed.Select(m => (m.Line, Cells: Array.Empty<string>(), Problem: (string?)m.Problem)))
                .OrderBy(r => r.Line);
            foreach (var (line, cells, problem) in read)
            {
                rows.Add(new BatchRow(rows.Count, table.Source, line, cells, problem));
            }
        }

        return (columns ?? throw WorkflowException.Usage("--input matched no CSV file"), rows);
    }
}
