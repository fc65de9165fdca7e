using RepoML.Core.Diagnostics;
using RepoML.Core.Comparison;
using RepoML.GitHub;

namespace RepoML.Cli.Commands.Comparison;

/// <summary>How a comparison is shown: the console (text or JSON), Azure Pipelines and GitHub Actions annotations, the PR it was posted on.</summary>
internal static class CompareOutputs
{
    public static async Task<int> WriteAsync(CliContext context, CompareArguments options, CompareResult result, CancellationToken cancellation)
    {
        var report = result.Report;
        if (options.Format == OutputFormat.Json)
        {
            await context.Output.WriteLineAsync(ComparisonJson.Write(report));
        }
        else
        {
            CompareText.Write(context.Output, report);
        }

        // Logging commands must not break a JSON stdout; the agents read them from stderr too.
        var ci = options.Format == OutputFormat.Json ? context.Error : context.Output;
        if (options.AzurePipelines || options.Format == OutputFormat.AzurePipelines)
        {
            var summary = ComparePublisher.WriteBuildSummary(context, options.Request.ReportMarkdown, result);
            await ci.WriteLineAsync($"##vso[task.uploadsummary]{summary}");
            foreach (var line in Annotations(report))
            {
                await ci.WriteLineAsync(DiagnosticFormat.AzurePipelinesIssue(line.Level, line.Text));
            }
        }

        if (options.Format == OutputFormat.Github)
        {
            await ComparePublisher.AppendStepSummaryAsync(context, result, cancellation);
            foreach (var line in Annotations(report))
            {
                await ci.WriteLineAsync(DiagnosticFormat.GithubAnnotation(line.Level, $"repoml compare {report.Model}", line.Text));
            }
        }

        if (options.GitHubPullRequest is { } number)
        {
            var (outcome, repository) = await ComparePublisher.PostAsync(context, result, number, options.GitHubRepository, options.GitHubSha,
                cancellation);
            var sha = outcome.Sha[..Math.Min(12, outcome.Sha.Length)];
            await ci.WriteLineAsync($"{(outcome.Created ? "Created" : "Updated")} comment {outcome.CommentId.ToString(CultureInfo.InvariantCulture)} "
                + $"on {repository}#{number}; status {CommentMarker.StatusContext(report.Model)} = {outcome.State} on {sha}");
        }

        return ExitCodes.Of(result.Failure);
    }

    private static IEnumerable<(string Level, string Text)> Annotations(ComparisonReport report)
    {
        foreach (var gate in report.Gates.Where(g => g.Status == GateStatus.Fail))
        {
            yield return ("error", $"{report.Model}: gate {gate.Metric} {gate.Rule} failed: {gate.Message}");
        }

        if (report.Verdict == ComparisonVerdict.NoBaseline)
        {
            yield return ("warning", $"{report.Model}: no baseline version yet; the candidate was evaluated alone");
        }
    }
}
