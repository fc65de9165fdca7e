using RepoML.Cli.Infrastructure;
using RepoML.Cli.Output;
using RepoML.Core.Artifacts;
using RepoML.Core.Comparison;
using RepoML.Core.Registry;
using RepoML.Core.Scoring;
using RepoML.Git;
using RepoML.Storage;
using RepoML.Training;
using RepoML.Training.Data;

namespace RepoML.Cli.Commands.Comparison;

/// <summary>The work of <c>repoml compare</c>: resolve both models and the rows, score, build the report, publish it.</summary>
internal static class CompareRunner
{
    public static async Task<int> RunAsync(CliContext context, CompareRequest request, CancellationToken cancellation)
    {
        try
        {
            return await CompareAsync(context, request, cancellation);
        }
        catch (Exception ex) when (ex is TrainingDataException or ScoringInputException or RegistryException or ArtifactNotFoundException or ArtifactCorruptException or Octokit.ApiException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return (int)ExitCode.Invalid;
        }
    }

    private static async Task<int> CompareAsync(CliContext context, CompareRequest request, CancellationToken cancellation)
    {
        var root = WorkspaceRoot.Find(context.CurrentDirectory);
        var policyFile = PolicyFile.Load(context, root, request.Model, request.Policy);
        if (policyFile.HasErrors)
        {
            DiagnosticRenderer.Render(context.Error, request.Format == OutputFormat.Json ? OutputFormat.Text : request.Format, policyFile.Diagnostics, _ => policyFile.Text, includeInfo: false);
            return (int)ExitCode.Invalid;
        }

        var policy = policyFile.Policy;
        var store = ArtifactStoreFactory.Create(request.Store ?? context.GetEnvironmentVariable("REPOML_STORE"), root, context.GetEnvironmentVariable);
        var runs = new RunArtifacts(root, store);
        var candidate = await CandidateResolver.ResolveAsync(context, runs, request.Candidate, cancellation);
        var resolver = new WorkspaceBaselineResolver(
            context, runs, gitRef => GitModelRegistry.Open(root, new RegistryOpenOptions(gitRef ?? context.GetEnvironmentVariable(DefaultBranch.Variable), Store: store)), root);
        var baseline = await resolver.ResolveAsync(policyFile.Model, request.Baseline, cancellation);

        var dataText = request.Data ?? policy.Data ?? throw new UsageException($"no evaluation data: write 'data:' in {policyFile.Path ?? $"a policy file for {policyFile.Model}"} or pass --data CSV");
        var csv = request.Data is not null
            ? context.FullPath(request.Data)
            : await EvaluationData.ResolveAsync(dataText, Path.GetDirectoryName(policyFile.Path!)!, root, candidate, runs, cancellation);
        var table = CsvTable.Load(csv, dataText);

        // Label and task come from the policy, else from the candidate's model-info.json, and hold for both models.
        var info = ModelFiles.Resolve(candidate.Folder).Info;
        var (label, task) = (policy.Label ?? info?.Label, policy.Task ?? info?.Task);
        var scoring = new[] { candidate, baseline }.Select(m => m is null ? Task.FromResult<ScoredModel?>(null) : Task.Run<ScoredModel?>(() => ScoredModel.Score(m, table, label, task, context.Time))).ToArray();
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
            throw new TrainingDataException($"the models predict different classes: candidate [{string.Join(", ", c.Predictions.Classes)}], baseline [{string.Join(", ", b.Predictions.Classes)}]");
        }

        // Importance (ONNX Runtime) and the report with its bootstrap (Core) use different cores.
        var primary = policy.PrimaryMetricFor(c.Predictions.Task);
        var candidateImportance = Task.Run(() => ImportanceRunner.Compute(c, table, primary, policy), cancellation);
        var baselineImportance = Task.Run(() => b is null ? [] : ImportanceRunner.Compute(b, table, primary, policy), cancellation);
        var report = ComparisonBuilder.Build(new ComparisonInputs(policyFile.Model, dataText, policy, c.Predictions, c.Summary, b?.Predictions, b?.Summary, [], []));
        var (ci, bi) = (await candidateImportance, await baselineImportance);
        report = report with { Importance = bi.Count > 0 ? PermutationImportance.WithBaseline(ci, bi) : ci };

        await CompareOutputs.WriteAsync(context, request, report, root, cancellation);
        return report.Verdict == ComparisonVerdict.Fail ? (int)ExitCode.GateFailed : (int)ExitCode.Success;
    }
}
