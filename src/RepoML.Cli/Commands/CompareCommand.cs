using RepoML.Cli.Commands.Comparison;

namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml compare MODEL --candidate RUN_ID|latest|PATH [--baseline VERSION|@LABEL|GIT_REF|PATH|RUN_ID]</c>: scores the
/// candidate and the previous version on the same rows, reports metrics with paired bootstrap intervals, agreement,
/// importance, latency and size, applies the policy's gates (exit 4 when they fail) and can post the report on a PR.
/// </summary>
public static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "The model's YAML (models/credit.yml) or its name (credit)." };
        var candidate = new Option<string>("--candidate") { Description =
            "The new model: a run id, 'latest' (newest completed run with a model), or a model folder / .onnx path.", Required = true };
        var baseline = new Option<string?>("--baseline") { Description =
            "Compare against: a version (3), @LABEL, a Git ref (the registry there), a model folder or a run id. Default: the latest " +
            "registered version on the default branch." };
        var policy = new Option<string?>("--policy") { Description =
            "Comparison policy file (default: <model>.compare.yml beside the model's YAML)." };
        var data = new Option<string?>("--data") { Description = "Evaluation CSV, overriding the policy's data." };
        var reportMd = CommonOptions.ReportMarkdown("Write the Markdown report (PR comment) here.");
        var reportHtml = CommonOptions.ReportHtml("Write the self-contained HTML report here.");
        var reportJson = new Option<string?>("--report-json") { Description = "Write the JSON report here." };
        var pr = new Option<int?>("--github-pr") { Description = "Post the report on this pull request (token: GITHUB_TOKEN; API: GITHUB_API_URL)." };
        var repo = new Option<string?>("--github-repo") { Description = "owner/name of the pull request's repository (default: GITHUB_REPOSITORY)." };
        var sha = new Option<string?>("--github-sha") { Description = "Commit for the status (default: the pull request's head)." };
        var azure = new Option<bool>("--azure-pipelines") { Description =
            "Publish the Markdown as an Azure Pipelines build summary and gate failures as annotations." };
        var store = new Option<string?>("--store") { Description = "Artifact store address (default: REPOML_STORE or .repoml/store)." };
        var output = CommonOptions.Output();
        var command = new Command("compare", "Compare a candidate model with the previous version on the same rows; gate it; report " +
            "(Markdown, HTML, JSON, PR comment).")
        {
            model, candidate, baseline, policy, data, reportMd, reportHtml, reportJson, pr, repo, sha, azure, store, output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var request = new CompareRequest(parse.GetValue(model)!, parse.GetValue(candidate)!, parse.GetValue(baseline), parse.GetValue(policy),
                parse.GetValue(data), parse.GetValue(reportMd), parse.GetValue(reportHtml), parse.GetValue(reportJson), parse.GetValue(store));
            var options = new CompareArguments(request, parse.GetValue(pr), parse.GetValue(repo), parse.GetValue(sha), parse.GetValue(azure),
                parse.GetValue(output));
            try
            {
                return await CompareOutputs.WriteAsync(context, options, await CompareRunner.RunAsync(context, request, cancellation), cancellation);
            }
            catch (WorkflowException failure) when (failure.Diagnostics.Count > 0)
            {
                WorkflowErrors.Write(context, failure, options.Format); // the policy's problems, as CI annotations where asked
                return (int)ExitCode.Invalid;
            }
        });
        return command;
    }
}
