namespace RepoML.Workflows.Comparison;

/// <summary>The work of <c>repoml compare</c>: resolve both models and the rows, score, build the report, publish it.</summary>
public static class CompareRunner
{
    /// <summary>Compares, writes the report files the request names and returns the report (its verdict gates).</summary>
    /// <exception cref="WorkflowException">The policy does not validate, a model or the data cannot be found or scored.</exception>
    public static async Task<CompareResult> RunAsync(WorkflowContext context, CompareRequest request, CancellationToken cancellation)
    {
        try
        {
            var report = await CompareAsync(context, request, cancellation);
            var markdown = MarkdownReport.Render(report);
            Write(context, request.ReportMarkdown, markdown);
            Write(context, request.ReportHtml, HtmlReport.Render(report));
            Write(context, request.ReportJson, ComparisonJson.Write(report));
            return new CompareResult(report, markdown);
        }
        catch (Exception ex) when (IsExpected(ex))
        {
            throw WorkflowException.Invalid(ex.Message, ex);
        }
    }

    /// <summary>The failures that are the input's fault (bad data, an unknown version, a missing artifact, GitHub's refusal).</summary>
    public static bool IsExpected(Exception ex) =>
        ex is TrainingDataException or ScoringInputException or RegistryException or ArtifactNotFoundException or ArtifactCorruptException or
            Octokit.ApiException;

    private static void Write(WorkflowContext context, string? path, string text)
    {
        if (path is null)
        {
            return;
        }

        var full = context.FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static async Task<ComparisonReport> CompareAsync(WorkflowContext context, CompareRequest request, CancellationToken cancellation)
    {
        var root = context.WorkspaceRoot;
        var policyFile = PolicyFile.Load(context, root, request.Model, request.Policy);
        if (policyFile.HasErrors)
        {
            throw new WorkflowException(policyFile.Diagnostics, _ => policyFile.Text);
        }

        var policy = policyFile.Policy;
        var store = ArtifactStoreFactory.Create(request.Store ?? context.GetEnvironmentVariable("REPOML_STORE"), root,
            context.GetEnvironmentVariable);
        var runs = new RunArtifacts(root, store);
        var candidate = await CandidateResolver.ResolveAsync(context, runs, request.Candidate, cancellation);
        if (request.CandidateRun is { } lineage)
        {
            candidate = candidate with { RunId = lineage.RunId, Lineage = lineage };
        }

        var resolver = new WorkspaceBaselineResolver(
            context, runs, gitRef => GitModelRegistry.Open(root,
                new RegistryOpenOptions(gitRef ?? context.GetEnvironmentVariable(DefaultBranch.Variable), Store: store)), root);
        var baseline = await resolver.ResolveAsync(policyFile.Model, request.Baseline, cancellation);

        var dataText = request.Data ?? policy.Data ?? throw
            WorkflowException.Usage($"no evaluation data: write 'data:' in {policyFile.Path ?? $"a policy file for {policyFile.Model}"} " +
            $"or pass --data CSV");
        // --data (or a rollout plan's compare.data) is relative to the current folder, the policy's data to the policy file;
        // either may bind the candidate run's output.
        var csv = await EvaluationData.ResolveAsync(dataText, request.Data is not null ? context.CurrentDirectory
            : Path.GetDirectoryName(policyFile.Path!)!, root, candidate, runs, cancellation);
        var table = CsvTable.Load(csv, dataText);

        // Label and task come from the policy, else from the candidate's model-info.json, and hold for both models.
        var info = ModelFiles.Resolve(candidate.Folder).Info;
        var (label, task) = (policy.Label ?? info?.Label, policy.Task ?? info?.Task);
        var scoring = new[] { candidate, baseline }.Select(m => m is null ? Task.FromResult<ScoredModel?>(null) : Task.Run<ScoredModel?>(()
            => ScoredModel.Score(m, table, label, task, context.Time))).ToArray();
        try
        {
            await Task.WhenAll(scoring);
        }
        catch
        {
            foreach (var done in scoring.Where(t => t.IsCompletedSuccessfully))
            {
                done.Result?.Dispose();
            }

            throw;
        }

        using var c = scoring[0].Result!;
        using var b = scoring[1].Result;
        if (b is not null && !b.Predictions.Classes.SequenceEqual(c.Predictions.Classes))
        {
            throw new TrainingDataException($"the models predict different classes: candidate " +
                $"[{string.Join(", ", c.Predictions.Classes)}], baseline [{string.Join(", ", b.Predictions.Classes)}]");
        }

        // Importance (ONNX Runtime) and the report with its bootstrap (Core) use different cores.
        var primary = policy.PrimaryMetricFor(c.Predictions.Task);
        var candidateImportance = Task.Run(() => ImportanceRunner.Compute(c, table, primary, policy), cancellation);
        var baselineImportance = Task.Run(() => b is null ? [] : ImportanceRunner.Compute(b, table, primary, policy), cancellation);
        var report = ComparisonBuilder.Build(new ComparisonInputs(policyFile.Model, Described(dataText, csv, root, candidate), policy,
            c.Predictions, c.Summary with { Facts = ModelFactsReader.Read(candidate, runs) }, b?.Predictions,
            b is null ? null : b.Summary with { Facts = ModelFactsReader.Read(baseline!, runs) }, [], []));
        var (ci, bi) = (await candidateImportance, await baselineImportance);
        report = report with { Importance = bi.Count > 0 ? PermutationImportance.WithBaseline(ci, bi) : ci };

        return report;
    }

    // What the rows are: the file a binding or asset resolved to, never the unresolved ${{…}} (issue 18).
    private static string Described(string dataText, string csv, string root, ResolvedModel candidate)
    {
        var relative = Path.GetRelativePath(root, csv).Replace('\\', '/');
        if (EvaluationData.RunOutput(dataText) is { } output)
        {
            return $"{relative} (output '{output.Output}' of job '{output.Job}'{(candidate.RunId is { } id ? $", run {id}" : "")})";
        }

        return dataText.StartsWith("azureml:", StringComparison.Ordinal) ? $"{dataText} = {relative}" : dataText;
    }
}
