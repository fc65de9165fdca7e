using Xunit.Abstractions;

namespace RepoML.Serving.Tests.Conformance;

/// <summary>
/// Every backend test case (<see cref="BackendTestCase.DeployAll"/>) served on a real Kestrel, over REST alone or with gRPC:
/// the setup, the loop over the cases and the verdict that the REST and gRPC conformance tests share.
/// </summary>
internal sealed class ServedBackendCases(ScoringServer server, List<BackendTestCase> cases, int folders) : IAsyncDisposable
{
    public ScoringServer Server => server;

    public static async Task<ServedBackendCases> StartAsync(EndpointWorkspace workspace, bool grpc)
    {
        var (cases, folders) = BackendTestCase.DeployAll(workspace);
        var server = grpc
            ? await KestrelServer.StartWithGrpcAsync(workspace, BackendTestCase.Serving)
            : await KestrelServer.StartAsync(workspace, BackendTestCase.Serving);
        return new(server, cases, folders);
    }

    /// <summary>The failures <paramref name="check"/> finds in each case, given the deployment that serves it (<c>model-N</c>).</summary>
    public async Task<List<string>> CheckEachAsync(Func<string, BackendTestCase, Task<IEnumerable<string>>> check)
    {
        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            failures.AddRange(await check($"model-{i}", cases[i]));
        }

        return failures;
    }

    /// <summary>The case's first data set inferred over REST v2.</summary>
    public Task<HttpResponseMessage> InferOverRestAsync(string model, BackendTestCase test) =>
        server.Client.PostAsJsonAsync($"/v2/models/{model}/infer", BackendExpectations.Request(test));

    /// <summary>Logs how many cases were <paramref name="served"/>, and asserts that at least 500 loaded and none failed.</summary>
    public void AssertNoFailures(ITestOutputHelper output, string served, List<string> failures)
    {
        output.WriteLine($"{cases.Count} of {folders} backend test models {served}; {failures.Count} failed");
        Assert.True(cases.Count >= 500, $"only {cases.Count} models could be loaded");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
