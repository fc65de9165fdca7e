namespace RepoML.Serving.Tests.Support;

/// <summary>A test class whose every test gets its own workspace serving <c>blue</c> (all traffic) with model inputs collected,
/// and a one-row /score body to send it: what the hostile-input tests attack.</summary>
public abstract class CollectingBlueEndpointTests : EndpointWorkspaceTests
{
    protected const string OneRow = """{"data": [[5.1, 3.5, 1.4, 0.2]]}""";

    protected CollectingBlueEndpointTests() => Workspace.Endpoint("blue=100").Deployment("blue",
        extra: "data_collector:\n  collections:\n    model_inputs:\n      enabled: 'True'\n");
}
