using System.Globalization;
using RepoML.Cli.Output;
using RepoML.Core.Comparison;
using RepoML.GitHub;

namespace RepoML.Cli.Commands.Comparison;

/// <summary>Where a comparison goes: report files, the console (text or JSON), Azure Pipelines and GitHub Actions, a pull request.</summary>
internal static class CompareOutputs
{
    public static async Task WriteAsync(CliContext context, CompareRequest request, ComparisonReport report, string root, CancellationToken cancellation)
    {
        var markdown = MarkdownReport.Render(report);
        Write(context, request.ReportMarkdown, markdown);
        Write(context, request.ReportHtml, HtmlReport.Render(report));
        Write(context, request.ReportJson, ComparisonJson.Write(report));

        if (request.Format == OutputFormat.Json)
        {
            await context.Output.WriteLineAsync(ComparisonJson.Write(report));
        }
        else
        {
            CompareText.Write(context.Output, report);
        }

        // Logging commands must not break a JSON stdout; the agents read them from stderr too.
        var ci = request.Format == OutputFormat.Json ? context.Error : context.Output;
        if (request.AzurePipelines || request.Format == OutputFormat.AzurePipelines)
        {
            var summary = request.ReportMarkdown is { } md ? context.FullPath(md) : Path.Combine(root, ".repoml", "compare", $"report-{report.Model}.md");
            Write(context, summary, markdown);
            await ci.WriteLineAsync($"##vso[task.uploadsummary]{summary}");
            foreach (var line in Annotations(report))
            {
                await ci.WriteLineAsync($"##vso[task.logissue type={line.Level}]{line.Text}");
            }
        }

        if (request.Format == OutputFormat.Github)
        {
            if (context.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
            {
                await File.AppendAllTextAsync(stepSummary, markdown + "\n", cancellation);
            }

            foreach (var line in Annotations(report))
            {
                await ci.WriteLineAsync($"::{line.Level} title=repoml compare {report.Model}::{line.Text}");
            }
        }

        if (request.GitHubPullRequest is { } number)
        {
            await PostAsync(context, request, report, markdown, number, cancellation);
        }
    }

    private static async Task PostAsync(CliContext context, CompareRequest request, ComparisonReport report, string markdown, int number, CancellationToken cancellation)
    {
        var token = context.GetEnvironmentVariable("GITHUB_TOKEN") is { Length: > 0 } t ? t : throw new UsageException("--github-pr needs a token in GITHUB_TOKEN");
        var repository = request.GitHubRepository ?? context.GetEnvironmentVariable("GITHUB_REPOSITORY") ?? throw new UsageException("--github-pr needs --github-repo owner/name (or GITHUB_REPOSITORY)");
        var parts = repository.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0))
        {
            throw new UsageException($"--github-repo '{repository}' is not owner/name");
        }

        var api = context.GetEnvironmentVariable("GITHUB_API_URL") is { Length: > 0 } url ? new Uri(url.EndsWith('/') ? url : url + "/") : null;
        var runUrl = context.GetEnvironmentVariable("GITHUB_SERVER_URL") is { Length: > 0 } server && context.GetEnvironmentVariable("GITHUB_RUN_ID") is { Length: > 0 } runId
            ? $"{server}/{repository}/actions/runs/{runId}"
            : null;
        var publisher = GitHubPullRequestPublisher.Create(token, api);
        var outcome = await publisher.PublishAsync(new PullRequestPublication(parts[0], parts[1], number, report, markdown, request.GitHubSha, runUrl), cancellation);
        var log = request.Format == OutputFormat.Json ? context.Error : context.Output;
        await log.WriteLineAsync($"{(outcome.Created ? "Created" : "Updated")} comment {outcome.CommentId.ToString(CultureInfo.InvariantCulture)} on {repository}#{number}; status {CommentMarker.StatusContext(report.Model)} = {outcome.State} on {outcome.Sha[..Math.Min(12, outcome.Sha.Length)]}");
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

    private static void Write(CliContext context, string? path, string text)
    {
        if (path is null)
        {
            return;
        }

        var full = context.FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
