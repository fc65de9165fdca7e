using RepoML.Tests.Shared.AzureMl;

namespace RepoML.Azure.Tests.Deploy;

/// <summary>
/// <c>repoml deploy endpoints/credit --target azureml</c>'s reconciliation through the real ArmClient and Azure.Storage.Blobs,
/// against the ARM stand-in (which checks every body against the REST spec) and a real Azurite as the workspace datastore.
/// </summary>
public sealed class AzureMlOnlineDeployerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private ArmStandInOptions Options => new()
    {
        AzuriteConnectionString = azurite.ConnectionString,
        DatastoreContainer = "azureml-" + Guid.NewGuid().ToString("N")[..12],
        Environments = new Dictionary<string, IReadOnlyList<string>> { ["onnx-serving"] = ["1", "2"] },
    };

    [AzuriteFact]
    public async Task Should_upload_the_model_then_create_versions_endpoint_deployments_and_traffic_in_order_When_the_endpoint_is_new()
    {
        // Given: the sample credit endpoint (blue 90 %, green 10 %, both on credit:1) and an empty workspace.
        await using var arm = await ArmStandIn.StartAsync(Options);
        using var credit = await CreditEndpoint.CreateAsync();
        var session = StandInSessions.Open(arm);

        // When
        var written = await new AzureMlOnlineDeployer(session, credit.Store, CreditEndpoint.Root).DeployAsync(credit.Request("registry.example/credit-serving:1.0"));

        // Then: nothing the spec or the service refuses, and the order Azure ML requires, traffic last.
        Assert.Empty(arm.Violations);
        var workspace = session.Workspace.Id;
        Assert.Equal(
        [
            $"{workspace}/models/credit/versions/1", $"{workspace}/environments/onnx-serving/versions/1.0", $"{workspace}/onlineEndpoints/credit",
            $"{workspace}/onlineEndpoints/credit/deployments/blue", $"{workspace}/onlineEndpoints/credit/deployments/green", $"{workspace}/onlineEndpoints/credit",
        ], written);
        var puts = arm.Requests.Where(r => r.Method == "PUT").Select(r => JsonNode.Parse(r.Text)!).ToList();
        Assert.Null(puts[0]["location"]);
        Assert.Null(puts[1]["location"]);
        Assert.Null(puts[2]["properties"]!["traffic"]);
        Assert.Equal("""{"blue":90,"green":10}""", puts[5]["properties"]!["traffic"]!.ToJsonString());
        Assert.Equal("Enabled", puts[3]["properties"]!["dataCollector"]!["collections"]!["model_inputs"]!["dataCollectionMode"]!.GetValue<string>());

        // And: the model version points at the uploaded files, which are the registered model's bytes.
        var modelUri = puts[0]["properties"]!["modelUri"]!.GetValue<string>();
        var digest = RepoML.Core.Artifacts.Digest.Parse(credit.Model.Digest);
        Assert.Equal($"azureml://datastores/workspaceblobstore/paths/LocalUpload/{digest.Hex}/credit/", modelUri);
        Assert.Equal(CreditEndpoint.OnnxBytes, await arm.Datastore!.ReadAsync($"LocalUpload/{digest.Hex}/credit/model.onnx"));

        // And: each endpoint and deployment PUT waited for its operation to succeed.
        Assert.Equal(4 * 2, arm.Requests.Count(r => r.Path.Contains("/mfeOperationsStatus/", StringComparison.Ordinal)));
        Assert.Equal("Succeeded", arm.Resource($"{workspace}/onlineEndpoints/credit/deployments/green")!["properties"]!["provisioningState"]!.GetValue<string>());
    }

    [AzuriteFact]
    public async Task Should_resolve_latest_by_listing_versions_When_no_image_is_packaged()
    {
        // Given: the workspace has onnx-serving versions 1 and 2; the deployments ask for azureml:onnx-serving@latest.
        await using var arm = await ArmStandIn.StartAsync(Options);
        using var credit = await CreditEndpoint.CreateAsync();

        // When
        await new AzureMlOnlineDeployer(StandInSessions.Open(arm), credit.Store, CreditEndpoint.Root).DeployAsync(credit.Request(image: null));

        // Then: versions listed newest first, and the deployments use version 2, not 1.
        Assert.Empty(arm.Violations);
        Assert.Contains(arm.Requests, r => r.Path.EndsWith("/environments/onnx-serving/versions", StringComparison.Ordinal)
            && r.PathAndQuery.Contains("$orderBy=createdtime%20desc", StringComparison.Ordinal) && r.PathAndQuery.Contains("$top=1", StringComparison.Ordinal));
        var blue = arm.Resource($"{StandInSessions.Workspace(arm).Id}/onlineEndpoints/credit/deployments/blue")!;
        Assert.EndsWith("/environments/onnx-serving/versions/2", blue["properties"]!["environmentId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [AzuriteFact]
    public async Task Should_send_no_file_again_and_keep_the_traffic_When_deployed_a_second_time()
    {
        // Given: a first deployment made everything.
        await using var arm = await ArmStandIn.StartAsync(Options);
        using var credit = await CreditEndpoint.CreateAsync();
        await new AzureMlOnlineDeployer(StandInSessions.Open(arm), credit.Store, CreditEndpoint.Root).DeployAsync(credit.Request("registry.example/credit-serving:1.0"));
        var before = arm.Requests.Count;

        // When
        var again = StandInSessions.Open(arm);
        await new AzureMlOnlineDeployer(again, credit.Store, CreditEndpoint.Root).DeployAsync(credit.Request("registry.example/credit-serving:1.0"));

        // Then: the model files were found by their content and not sent, and the endpoint was never emptied of traffic.
        Assert.NotEmpty(again.Uploads);
        Assert.All(again.Uploads, u => Assert.True(u.AlreadyThere, u.Destination));
        var endpointPuts = arm.Requests.Skip(before).Where(r => r.Method == "PUT" && r.Path.EndsWith("/onlineEndpoints/credit", StringComparison.Ordinal)).ToList();
        Assert.Equal(90, JsonNode.Parse(Assert.Single(endpointPuts).Text)!["properties"]!["traffic"]!["blue"]!.GetValue<int>());
    }

    [AzuriteFact]
    public async Task Should_be_refused_When_a_model_version_points_at_no_files()
    {
        // Given: a model version whose files were never uploaded, as RepoML once sent it.
        await using var arm = await ArmStandIn.StartAsync(Options);
        var session = StandInSessions.Open(arm);
        var body = new JsonObject { ["properties"] = new JsonObject { ["modelType"] = "custom_model", ["modelUri"] = "azureml://datastores/workspaceblobstore/paths/repoml/models/credit/1/" } };

        // When
        var error = await Assert.ThrowsAsync<AzureMlRequestException>(() => session.Channel.PutAsync(session.Workspace.ModelVersion("credit", "1").ToString(), body));

        // Then
        Assert.Equal(400, error.Status);
        Assert.Contains("model files not found", error.Message, StringComparison.Ordinal);
    }
}
