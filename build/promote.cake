// Promote: takes the next step of an endpoint's rollout plan (endpoints/NAME/rollout.yml) with `repoml promote`:
// prepare the idle deployment, shift traffic, complete (move @prod), or roll back on a failed health gate.
// Arguments: --endpoint=endpoints/NAME (default: the workspace endpoint), --via=commit|pull-request, --metrics-url=URL, --dry-run=true.
// Exit code 4 (a gate failed and the endpoint was rolled back or held) fails the task, as it should fail the stage.

Task("Promote")
    .Description("repoml promote: the next canary step of the endpoint, as a commit (or a pull request) that explains itself.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var args = new List<string> { "promote", Argument("endpoint", $"endpoints/{WorkspaceEndpoint()}"), "--via", Argument("via", "commit") };
    var metricsUrl = Argument("metrics-url", EnvironmentVariable("REPOML_METRICS_URL") ?? "");
    if (metricsUrl.Length > 0)
    {
        args.AddRange(new[] { "--metrics-url", metricsUrl });
    }

    if (Argument("dry-run", false))
    {
        args.Add("--dry-run");
    }

    RepoML(args.ToArray());
});

