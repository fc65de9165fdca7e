namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml promote endpoints/NAME [--to-version N|@latest] [--dry-run] [--via commit|pull-request] [--metrics-url URL]</c>:
/// takes the next step of the endpoint's rollout plan — prepare the idle deployment, shift traffic, complete, or roll back —
/// as an in-place edit of the endpoint files, committed or proposed as a pull request.
/// </summary>
public static class PromoteCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = CommonOptions.Endpoint("The endpoint folder, e.g. endpoints/credit.");
        var toVersion = new Option<string?>("--to-version") { Description =
            "The version to roll out: N, @LABEL or @latest (default: the newest registered version)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the decision and the change it would make; change nothing." };
        var via = new Option<string>("--via") { Description =
            "How a step lands: commit (default) or pull-request (GitHub; GITHUB_TOKEN, GITHUB_API_URL).", DefaultValueFactory = _ => "commit" };
        via.AcceptOnlyFromAmong("commit", "pull-request");
        var metrics = CommonOptions.MetricsUrl("The live endpoint's Prometheus address (default: the plan's metrics_url).");
        var wait = new Option<string?>("--wait") { Description =
            "How long to wait for the live endpoint to serve what Git says before refusing, e.g. 0s, 2m (default 60s)." };
        var plan = new Option<string?>("--plan") { Description = "The rollout plan (default: ENDPOINT/rollout.yml)." };
        var repo = new Option<string?>("--github-repo") { Description = "OWNER/NAME for --via pull-request (default: GITHUB_REPOSITORY)." };
        var baseBranch = new Option<string?>("--base") { Description = "Base branch of the pull request (default: main)." };
        var branch = RegistryCli.Branch();
        var store = RegistryCli.Store();
        var output = CommonOptions.Output();
        var command = new Command("promote", "Take the next step of an endpoint's rollout plan (prepare, shift traffic, complete, roll " +
            "back) as a commit or a pull request.")
        {
            endpoint, toVersion, dryRun, via, metrics, wait, plan, repo, baseBranch, branch, store, output,
        };
        command.SetAction((parse, cancellation) => RegistryCli.RunAsync(context, async () =>
        {
            var options = new PromotionOptions(parse.GetValue(endpoint)!, parse.GetValue(toVersion), parse.GetValue(dryRun), parse.GetValue(via)!,
                parse.GetValue(metrics), parse.GetValue(plan), parse.GetValue(branch), parse.GetValue(repo), parse.GetValue(baseBranch),
                    parse.GetValue(store), Wait(parse.GetValue(wait)));
            return PromotionOutput.Write(context, options, parse.GetValue(output), await PromotionRunner.RunAsync(context, options, null,
                cancellation));
        }));
        return command;
    }

    private static TimeSpan? Wait(string? text) => text is null ? null : RepoML.Core.Rollout.SoakDuration.TryParse(text, out var wait) ? wait
        : throw WorkflowException.Usage($"--wait '{text}' is not a duration such as 0s, 30s or 2m");
}
