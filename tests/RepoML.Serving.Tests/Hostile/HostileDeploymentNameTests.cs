namespace RepoML.Serving.Tests.Hostile;

/// <summary>
/// Deployment names the server loads pass the naming rules before any becomes a path or a header: endpoint files holding a
/// hostile one (traversal, bidi override) are refused on reload with RML0106, the bidi character shown escaped, and what
/// served before keeps serving; the name is never served.
/// </summary>
public sealed class HostileDeploymentNameTests : CollectingBlueEndpointTests
{
    [Theory]
    [InlineData("../../x", "/v2/models/..%2F..%2Fx/infer")]
    [InlineData("\"blue\\u202E\"", "/v2/models/blue%E2%80%AE/infer")]
    public async Task Should_refuse_the_files_and_keep_serving_When_a_deployment_name_is_hostile(string name, string path)
    {
        // Given a served endpoint, and then a deployment file whose name is hostile
        await using var server = await KestrelServer.StartAsync(Workspace);
        File.WriteAllText(Path.Combine(Workspace.Folder, "evil.yml"), $"""
            $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
            name: {name}
            endpoint_name: {Workspace.Name}
            model:
              path: {TestModels.Iris}
            instance_type: Standard_DS3_v2
            instance_count: 1
            """);

        // When the endpoint files are reloaded
        var refused = await Assert.ThrowsAsync<EndpointLoadException>(() => server.App.Services.GetRequiredService<EndpointHost>().ReloadAsync(
            CancellationToken.None));

        // Then RML0106 names the file, the name is shown without its raw bidi character, blue serves and the name is not served
        Assert.Contains("evil.yml:2:7: error RML0106", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', refused.Message);
        using var blue = await server.Client.PostAsync("/score", new StringContent(OneRow, Encoding.UTF8, "application/json"));
        using var hostile = await server.Client.PostAsJsonAsync(path, GrpcRequests.IrisJson());
        Assert.Equal(200, (int)blue.StatusCode);
        Assert.Equal(404, (int)hostile.StatusCode);
        Assert.False(Directory.Exists(Path.GetFullPath(Path.Combine(Workspace.Root, "..", "x"))));
    }
}
