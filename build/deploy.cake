// DeployLocal: serves the sample online endpoint (endpoints/credit) locally with `repoml serve`, waits until it is
// ready, scores endpoints/credit/sample-request.json with the endpoint's key, and stops it.
// The deployments' model (azureml:credit@latest) comes from the registry once `repoml serve` resolves registry
// references; until then, or to try another model, pass --deploy-model=<model.onnx or folder> (or set
// REPOML_DEPLOY_MODEL) and every deployment serves it.
// (Named DeployLocal because package.cake already defines Deploy as the container deployment of the packaged images.)

var deployEndpoint = Argument("deploy-endpoint", "endpoints/credit");
var deployPort = Argument("deploy-port", 5123);
var deployModel = Argument("deploy-model", EnvironmentVariable("REPOML_DEPLOY_MODEL") ?? "");

Task("DeployLocal")
    .Description("Serves endpoints/credit locally, waits for readiness, scores the sample request, stops.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var serveArgs = new List<string> { "serve", deployEndpoint, "--port", deployPort.ToString(), "--no-watch" };
    if (deployModel.Length > 0)
    {
        foreach (var deployment in new[] { "blue", "green" })
        {
            serveArgs.AddRange(new[] { "--model", $"{deployment}={MakeAbsolute(File(deployModel)).FullPath}" });
        }
    }

    var key = System.Text.Json.JsonDocument.Parse(RepoMLOutput("endpoint", "keys", deployEndpoint, "--output", "json"))
        .RootElement.GetProperty("primaryKey").GetString();
    using var server = StartServer(serveArgs.ToArray());
    try
    {
        var address = $"http://127.0.0.1:{deployPort}";
        using var client = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var ready = false;
        for (var i = 0; i < 120 && !ready && !server.HasExited; i++)
        {
            try { ready = client.GetAsync($"{address}/health/ready").GetAwaiter().GetResult().IsSuccessStatusCode; }
            catch (System.Net.Http.HttpRequestException) { }
            if (!ready) { System.Threading.Thread.Sleep(500); }
        }

        if (!ready)
        {
            throw new CakeException($"{deployEndpoint} did not become ready (exit code {(server.HasExited ? server.ExitCode.ToString() : "none")}); see the output above");
        }

        var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, $"{address}/score")
        {
            Content = new System.Net.Http.StringContent(System.IO.File.ReadAllText($"{deployEndpoint}/sample-request.json"), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var response = client.SendAsync(request).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new CakeException($"POST /score returned {(int)response.StatusCode}: {body}");
        }

        var deployment = response.Headers.TryGetValues("azureml-model-deployment", out var values) ? string.Join(",", values) : "?";
        Information("{0} answered the sample request ({1}): {2}", deployEndpoint, deployment, body);

        // While the endpoint is live, show the next promotion step with real health evidence (nothing is committed).
        if (Argument("promote-plan", true) && FileExists($"{deployEndpoint}/rollout.yml"))
        {
            RepoML("promote", deployEndpoint, "--dry-run", "--metrics-url", $"{address}/metrics");
        }
    }
    finally
    {
        // SIGTERM first: the server flushes the data it collected, then exits.
        if (!server.HasExited)
        {
            StartProcess("kill", new ProcessSettings { Arguments = $"-TERM {server.Id}" });
            if (!server.WaitForExit(15000))
            {
                server.Kill();
                server.WaitForExit();
            }
        }
    }
});

/// <summary>Runs `repoml ARGS` and returns its standard output; fails the task on a non-zero exit code.</summary>
string RepoMLOutput(params string[] args)
{
    using var process = StartRepoML(args, redirect: true);
    process.WaitForExit();
    var output = string.Join("\n", process.GetStandardOutput());
    if (process.GetExitCode() != 0)
    {
        throw new CakeException($"repoml {string.Join(" ", args)} failed with exit code {process.GetExitCode()}.");
    }

    return output;
}

/// <summary>Starts the server without waiting; a plain Process, because Cake's IProcess.WaitForExit(ms) kills on timeout.</summary>
System.Diagnostics.Process StartServer(string[] args)
{
    var useDll = string.IsNullOrEmpty(repomlCli) || repomlCli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
    var start = new System.Diagnostics.ProcessStartInfo(useDll ? "dotnet" : repomlCli) { WorkingDirectory = MakeAbsolute(Directory(".")).FullPath };
    if (useDll)
    {
        start.ArgumentList.Add(string.IsNullOrEmpty(repomlCli) ? MakeAbsolute(repomlDll).FullPath : repomlCli);
    }

    foreach (var arg in args)
    {
        start.ArgumentList.Add(arg);
    }

    Information("repoml {0}", string.Join(" ", args));
    return System.Diagnostics.Process.Start(start);
}

/// <summary>Starts `repoml ARGS` from the repository root without waiting (the CLI chosen as in repoml.cake).</summary>
IProcess StartRepoML(string[] args, bool redirect = false)
{
    var useDll = string.IsNullOrEmpty(repomlCli) || repomlCli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
    var arguments = new ProcessArgumentBuilder();
    if (useDll)
    {
        arguments.AppendQuoted(string.IsNullOrEmpty(repomlCli) ? MakeAbsolute(repomlDll).FullPath : repomlCli);
    }

    foreach (var arg in args)
    {
        arguments.AppendQuoted(arg);
    }

    Information("repoml {0}", string.Join(" ", args));
    return StartAndReturnProcess(useDll ? "dotnet" : repomlCli, new ProcessSettings
    {
        Arguments = arguments,
        WorkingDirectory = MakeAbsolute(Directory(".")),
        RedirectStandardOutput = redirect,
    });
}
