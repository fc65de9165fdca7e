using RepoML.Tests.Shared.AzureMl;

namespace RepoML.Azure.Tests.Arm;

/// <summary>RepoML's requests through the real ArmClient pipeline, against the ARM stand-in: long-running operations and ARM errors.</summary>
public sealed class ArmChannelTests
{
    private static readonly JsonObject Endpoint = new()
    {
        ["location"] = "westeurope",
        ["properties"] = new JsonObject { ["authMode"] = "Key" },
    };

    [Fact]
    public async Task Should_poll_the_operation_then_read_the_resource_When_a_put_is_long_running()
    {
        // Given
        await using var arm = await ArmStandIn.StartAsync();
        var session = StandInSessions.Open(arm);
        var id = session.Workspace.Endpoint("credit").ToString();

        // When
        var endpoint = await session.Channel.PutAsync(id, (JsonObject)Endpoint.DeepClone());

        // Then: Azure-AsyncOperation polled until Succeeded (once InProgress), then the resource read from its address.
        Assert.Equal(
            ["PUT onlineEndpoints/credit", "GET mfeOperationsStatus/1", "GET mfeOperationsStatus/1", "GET onlineEndpoints/credit"],
            arm.Requests.Select(r => $"{r.Method} {string.Join('/', r.Path.Split('/')[^2..])}"));
        Assert.Equal("Succeeded", endpoint!["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.All(arm.Requests, r => Assert.Equal($"Bearer {StubCredential.Token}", r.Header("Authorization")));
    }

    [Fact]
    public async Task Should_follow_the_location_When_the_service_answers_202()
    {
        // Given: a service that answers long-running PUTs with 202 and a Location.
        await using var arm = await ArmStandIn.StartAsync(new ArmStandInOptions { LocationPolling = true });
        var session = StandInSessions.Open(arm);

        // When
        var endpoint = await session.Channel.PutAsync(session.Workspace.Endpoint("credit").ToString(), (JsonObject)Endpoint.DeepClone());

        // Then: the Location is polled while it answers 202, and its 200 body is the result.
        Assert.Equal([202, 202, 200], arm.Requests.Select(r => r.Status));
        Assert.Equal("Succeeded", endpoint!["properties"]!["provisioningState"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_raise_the_arm_error_When_a_body_breaks_the_spec()
    {
        // Given: a model version (a proxy resource) sent with a location, as RepoML once did.
        await using var arm = await ArmStandIn.StartAsync();
        var session = StandInSessions.Open(arm);
        var body = new JsonObject { ["location"] = "westeurope", ["properties"] = new JsonObject { ["modelType"] = "custom_model" } };

        // When
        var error = await Assert.ThrowsAsync<AzureMlRequestException>(() => session.Channel.PutAsync(session.Workspace.ModelVersion("credit", "1").ToString(), body));

        // Then
        Assert.Equal((400, "BadRequest"), (error.Status, error.Code));
        Assert.Contains("location: not a property of ModelVersionResource", error.Message, StringComparison.Ordinal);
        Assert.Single(arm.Violations);
    }

    [Fact]
    public async Task Should_answer_null_When_a_resource_does_not_exist()
    {
        // Given
        await using var arm = await ArmStandIn.StartAsync();
        var session = StandInSessions.Open(arm);

        // When
        var missing = await session.Channel.GetAsync(session.Workspace.Endpoint("nothing").ToString());

        // Then
        Assert.Null(missing);
        Assert.Equal(404, Assert.Single(arm.Requests).Status);
    }
}
