// DeployLocal: serves the endpoint locally with `repoml deploy --target local` (a background server that the tool
// waits for and smoke-tests with the endpoint's sample-request.json), shows the next promotion step against its live
// metrics (a dry run: nothing is committed), and stops it with `repoml deploy --down`.
// (Named DeployLocal because package.cake defines Deploy as the container deployment of the packaged images.)
//   dotnet cake --target=DeployLocal [--endpoint=endpoints/NAME] [--deploy-port=5123] [--promote-plan=false]

var deployEndpoint = Argument("endpoint", $"endpoints/{WorkspaceEndpoint()}");
var deployPort = Argument("deploy-port", 5123);

Task("DeployLocal")
    .Description("Serves the endpoint locally, smoke-tests it with its sample request, plans the next promotion step, stops.")
    .IsDependentOn("Build")
    .Does(() =>
{
    RepoML("deploy", deployEndpoint, "--target", "local", "--port", deployPort.ToString());
    try
    {
        if (Argument("promote-plan", true) && FileExists($"{deployEndpoint}/rollout.yml"))
        {
            RepoML("promote", deployEndpoint, "--dry-run", "--metrics-url", $"http://127.0.0.1:{deployPort}/metrics");
        }
    }
    finally
    {
        RepoML("deploy", deployEndpoint, "--down");
    }
});
