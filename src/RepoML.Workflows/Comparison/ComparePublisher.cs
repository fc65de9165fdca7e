using RepoML.GitHub;

namespace RepoML.Workflows.Comparison;

/// <summary>Where a comparison is published besides the console: CI build summaries and a pull request (comment and status).</summary>
public static class ComparePublisher
{
    /// <summary>Writes the Markdown for an Azure Pipelines build summary: the <c>--report-md</c> file, else one under .repoml/compare.</summary>
    /// <returns>The file's full path, for <c>##vso[task.uploadsummary]</c>.</returns>
    public static string WriteBuildSummary(WorkflowContext context, string? reportMarkdown, CompareResult result)
    {
        var summary = reportMarkdown is { } md
            ? context.FullPath(md)
            : Path.Combine(context.WorkspaceRoot, ".repoml", "compare", $"report-{result.Report.Model}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(summary)!);
        File.WriteAllText(summary, result.Markdown);
        return summary;
    }

    /// <summary>Appends the Markdown to GitHub Actions' step summary, when the job has one.</summary>
    public static async Task AppendStepSummaryAsync(WorkflowContext context, CompareResult result, CancellationToken cancellation)
    {
        if (context.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
        {
            await File.AppendAllTextAsync(stepSummary, result.Markdown + "\n", cancellation);
        }
    }

    /// <summary>Creates or updates the report comment on the pull request and sets the model's commit status.</summary>
    /// <param name="repository">owner/name; null: GITHUB_REPOSITORY.</param>
    /// <param name="sha">The commit for the status; null: the pull request's head.</param>
    /// <exception cref="WorkflowException">No token or repository (usage), or GitHub refused (invalid).</exception>
    public static async Task<(PublishOutcome Outcome, string Repository)> PostAsync(
        WorkflowContext context, CompareResult result, int number, string? repository, string? sha, CancellationToken cancellation)
    {
        var token = context.GetEnvironmentVariable("GITHUB_TOKEN") is { Length: > 0 } t ? t
            : throw WorkflowException.Usage("--github-pr needs a token in GITHUB_TOKEN");
        repository ??= context.GetEnvironmentVariable("GITHUB_REPOSITORY")
            ?? throw WorkflowException.Usage("--github-pr needs --github-repo owner/name (or GITHUB_REPOSITORY)");
        var parts = repository.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0))
        {
            throw WorkflowException.Usage($"--github-repo '{repository}' is not owner/name");
        }

        var api = context.GetEnvironmentVariable("GITHUB_API_URL") is { Length: > 0 } url ? new Uri(url.EndsWith('/') ? url : url + "/") : null;
        var runUrl = context.GetEnvironmentVariable("GITHUB_SERVER_URL") is { Length: > 0 } server
            && context.GetEnvironmentVariable("GITHUB_RUN_ID") is { Length: > 0 } runId
            ? $"{server}/{repository}/actions/runs/{runId}"
            : null;
        var publisher = GitHubPullRequestPublisher.Create(token, api);
        try
        {
            var publication = new PullRequestPublication(parts[0], parts[1], number, result.Report, result.Markdown, sha, runUrl);
            return (await publisher.PublishAsync(publication, cancellation), repository);
        }
        catch (Octokit.ApiException ex)
        {
            throw WorkflowException.Invalid(ex.Message, ex);
        }
    }
}
