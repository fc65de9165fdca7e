using RepoML.Azure.Tests.Support;
using RepoML.Core.Yaml;

namespace RepoML.Azure.Tests;

/// <summary>The real ArmClient against a local ARM stand-in: every request's method, path, api-version and body.</summary>
public sealed class AzureMlOnlineDeployerTests
{
    private const string Sub = "00000000-0000-0000-0000-000000000001";
    private const string Workspace =
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws";

    [Fact]
    public async Task Should_create_assets_endpoint_deployments_then_traffic_When_the_endpoint_is_new()
    {
        // Given: the sample credit endpoint, blue on credit:1 and green on credit:2, and an empty workspace.
        await using var arm = await ArmStandIn.StartAsync();
        var client = AzureMlApi.CreateClient(new StubCredential(), Sub, arm.Address, arm.Transport);
        var planner = new AzureMlDeploymentPlanner(
            new AzureMlWorkspace(Sub, "rg", "ws", "westeurope"),
            reference => ("credit", reference.EndsWith(":2", StringComparison.Ordinal) ? 2 : 1),
            "azureml://datastores/workspaceblobstore/paths/repoml/models",
            "registry.example/credit-serving:1.0",
            new Dictionary<string, YamlMapping> { ["onnx-serving"] = Yaml(SampleFiles.Environment) });
        var plan = planner.Plan(Yaml(SampleFiles.Endpoint), [Yaml(SampleFiles.Deployment("blue", "azureml:credit:1")),
            Yaml(SampleFiles.Deployment("green", "azureml:credit:2"))]);

        // When
        var written = await new AzureMlOnlineDeployer(client, "westeurope").DeployAsync(plan);

        // Then: the order Azure needs, long-running operations polled to Succeeded, traffic last.
        var requests = arm.Requests.ToList();
        var lines = requests.Select(r => $"{r.Method} {r.Path.Replace(Workspace, "~", StringComparison.Ordinal)} {r.Query("api-version")}").ToList();
        Assert.Equal(
        [
            "PUT ~/models/credit/versions/1 2024-04-01",
            "PUT ~/environments/onnx-serving/versions/1.0 2024-04-01",
            "PUT ~/models/credit/versions/2 2024-04-01",
            "GET ~/onlineEndpoints/credit 2024-04-01",
            "PUT ~/onlineEndpoints/credit 2024-04-01",
            $"GET {Operations}mfeOperationsStatus/operations/4 2024-04-01",
            "GET ~/onlineEndpoints/credit 2024-04-01",
            "PUT ~/onlineEndpoints/credit/deployments/blue 2024-04-01",
            $"GET {Operations}mfeOperationResults/5 2024-04-01",
            "PUT ~/onlineEndpoints/credit/deployments/green 2024-04-01",
            $"GET {Operations}mfeOperationResults/6 2024-04-01",
            "PUT ~/onlineEndpoints/credit 2024-04-01",
            $"GET {Operations}mfeOperationsStatus/operations/7 2024-04-01",
            "GET ~/onlineEndpoints/credit 2024-04-01",
        ], lines);
        Assert.All(requests, r => Assert.Equal($"Bearer {StubCredential.Token}", r.Header("Authorization")));
        Assert.Equal(7, written.Count);

        var puts = requests.Where(r => r.Method == "PUT").Select(r => JsonNode.Parse(r.Body)!).ToList();
        AssertJson("""
            {"location":"westeurope",
             "properties":{"modelType":"custom_model","modelUri":"azureml://datastores/workspaceblobstore/paths/repoml/models/credit/1/",
               "tags":{"repoml.version":"1"}}}
            """, puts[0]);
        AssertJson("""
            {"location":"westeurope","properties":{"image":"registry.example/credit-serving:1.0","osType":"Linux",
             "inferenceConfig":{"livenessRoute":{"port":8080,"path":"/health/live"},"readinessRoute":{"port":8080,"path":"/health/ready"},
               "scoringRoute":{"port":8080,"path":"/score"}}}}
            """, puts[1]);
        AssertJson("""
            {"location":"westeurope","properties":{"authMode":"Key","description":"Online credit risk scoring."},"tags":{"model":"credit"}}
            """, puts[3]);
        AssertJson($$$"""
            {"location":"westeurope","kind":"Managed","sku":{"name":"Default","capacity":1},
             "properties":{"endpointComputeType":"Managed","model":"{{{Workspace}}}/models/credit/versions/2",
               "environmentId":"{{{Workspace}}}/environments/onnx-serving/versions/1.0",
               "instanceType":"Standard_DS3_v2","scaleSettings":{"scaleType":"Default"},
               "requestSettings":{"requestTimeout":"PT3S","maxConcurrentRequestsPerInstance":4},
               "livenessProbe":{"initialDelay":"PT10S","period":"PT10S","timeout":"PT2S","successThreshold":1,"failureThreshold":30}},
             "tags":{"role":"green"}}
            """, puts[5]);
        AssertJson("""
            {"location":"westeurope","properties":{"authMode":"Key","description":"Online credit risk scoring.","traffic":{"blue":90,"green":10}},
             "tags":{"model":"credit"}}
            """, puts[6]);
    }

    [Fact]
    public async Task Should_not_recreate_the_endpoint_without_traffic_When_it_exists()
    {
        // Given: a first deploy made the endpoint.
        await using var arm = await ArmStandIn.StartAsync();
        var client = AzureMlApi.CreateClient(new StubCredential(), Sub, arm.Address, arm.Transport);
        var planner = new AzureMlDeploymentPlanner(new AzureMlWorkspace(Sub, "rg", "ws", "westeurope"), _ => ("credit", 1), "azureml://x", null,
            new Dictionary<string, YamlMapping>());
        var plan = planner.Plan(Yaml(SampleFiles.Endpoint.Replace("green: 10", "green: 0", StringComparison.Ordinal).Replace("blue: 90",
            "blue: 100", StringComparison.Ordinal)), [Yaml(SampleFiles.Deployment("blue",
            "azureml:credit:1")), Yaml(SampleFiles.Deployment("green", "azureml:credit:1"))]);
        await new AzureMlOnlineDeployer(client, "westeurope").DeployAsync(plan);
        while (arm.Requests.TryDequeue(out _))
        {
        }

        // When: deployed again (a promotion step changed only traffic).
        await new AzureMlOnlineDeployer(client, "westeurope").DeployAsync(plan);

        // Then: the endpoint's only PUT carries the traffic, so live traffic is never emptied.
        var endpointPuts = arm.Requests.Where(r => r.Method == "PUT" && r.Path.EndsWith("/onlineEndpoints/credit",
            StringComparison.Ordinal)).ToList();
        Assert.Single(endpointPuts);
        Assert.Equal(100, JsonNode.Parse(endpointPuts[0].Body)!["properties"]!["traffic"]!["blue"]!.GetValue<int>());
        Assert.DoesNotContain(arm.Requests, r => r.Path.Contains("/environments/", StringComparison.Ordinal));
    }

    /// <summary>Where ARM's long-running operations are polled: the workspace's region.</summary>
    private const string Operations =
        "/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.MachineLearningServices/locations/westeurope/";

    internal static YamlMapping Yaml(string text) => (YamlMapping)YamlReader.Read("test.yml", text).Root!;

    internal static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual),
            $"expected {JsonNode.Parse(expected)!.ToJsonString()}\nactual   {actual.ToJsonString()}");
}
