using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace RepoML.Cli.Tests.Serving;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Should_serve_the_endpoint_on_kestrel_until_cancelled_When_run_with_port_0()
    {
        // Given
        using var workspace = ServingWorkspace.Online();
        var keys = await workspace.RunAsync("endpoint", "keys", "endpoints/iris", "--output", "json");
        var key = JsonNode.Parse(keys.Output)!["primaryKey"]!.GetValue<string>();

        // When
        await using var serve = await CliServe.StartAsync(workspace.Root, ["serve", "endpoints/iris", "--port", "0"], attempts: 200);
        using var client = new HttpClient { BaseAddress = new Uri(serve.Address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var scored = await client.PostAsJsonAsync("/score", new { data = new[] { new[] { 6.7, 3.0, 5.2, 2.3 } } });
        using var anonymous = await new HttpClient().PostAsJsonAsync(serve.Address + "/score", new { data = new[] { new[] { 6.7, 3.0, 5.2, 2.3 } } });
        var exit = await serve.StopAsync();

        // Then
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        Assert.Equal("virginica", (await scored.Content.ReadFromJsonAsync<JsonArray>())![0]!["PredictedLabel.output"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, exit);
        Assert.Contains("blue: 100 % traffic", serve.Output, StringComparison.Ordinal);
        Assert.Contains("Stopped.", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_keys_file_and_exit_invalid_until_a_key_is_regenerated_When_the_file_is_not_a_keys_file()
    {
        // Given an endpoint whose keys file was edited into something else
        using var workspace = ServingWorkspace.Online();
        Assert.Equal(0, (await workspace.RunAsync("endpoint", "keys", "endpoints/iris")).ExitCode);
        var file = Path.Combine(workspace.Root, ".repoml", "keys", "iris.json");
        File.WriteAllText(file, "{\"primaryKey\": \"\\ud800\"}");

        // When the keys are shown, then one is regenerated
        var shown = await workspace.RunAsync("endpoint", "keys", "endpoints/iris");
        var regenerated = await workspace.RunAsync("endpoint", "keys", "endpoints/iris", "--regenerate", "primary", "--output", "json");

        // Then showing is a clear refusal that names the file, and regenerating writes a whole keys file again
        Assert.Equal(1, shown.ExitCode);
        Assert.Contains($"{file} is not an endpoint keys file", shown.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", shown.Error, StringComparison.Ordinal);
        Assert.Equal(0, regenerated.ExitCode);
        var keys = JsonNode.Parse(regenerated.Output)!;
        Assert.Equal(keys["primaryKey"]!.GetValue<string>(), JsonNode.Parse(File.ReadAllText(file))!["primaryKey"]!.GetValue<string>());
        Assert.NotEqual(keys["primaryKey"]!.GetValue<string>(), keys["secondaryKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_serve_the_custom_scorer_and_name_it_When_the_deployment_names_a_scorer_project()
    {
        // Given blue served by a scorer project, built by serve itself
        using var workspace = ServingWorkspace.OnlineWithScorer();
        var key = JsonNode.Parse((await workspace.RunAsync("endpoint", "keys", "endpoints/iris", "--output",
            "json")).Output)!["primaryKey"]!.GetValue<string>();

        // When
        await using var serve = await CliServe.StartAsync(workspace.Root, ["serve", "endpoints/iris", "--port", "0"], attempts: 1200);
        using var client = new HttpClient { BaseAddress = new Uri(serve.Address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var scored = await client.PostAsJsonAsync("/score", new { data = new[] { new[] { 6.7, 3.0, 5.2, 2.3 } } });
        var exit = await serve.StopAsync();

        // Then
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        Assert.Equal("""{"predictions":["virginica"]}""", await scored.Content.ReadAsStringAsync());
        Assert.Equal(0, exit);
        Assert.Contains("blue: 100 % traffic ← custom scorer IrisOnnxScorer.IrisScorer (endpoints/iris/scorer/IrisOnnxScorer.csproj)",
            serve.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(Path.Combine(workspace.Root, ".repoml", "scorers")));
    }

    [Fact]
    public async Task Should_exit_1_naming_the_deployment_When_its_model_reference_cannot_be_resolved()
    {
        using var workspace = ServingWorkspace.Online();
        workspace.Write("endpoints/iris/blue.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
            name: blue
            endpoint_name: iris
            model: azureml:iris@latest
            instance_type: Standard_DS3_v2
            instance_count: 1
            """);

        var run = await workspace.RunAsync("serve", "endpoints/iris", "--port", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("deployment 'blue'", run.Error, StringComparison.Ordinal);
        Assert.Contains("--model blue=PATH", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_exit_1_naming_the_deployment_When_its_model_file_is_not_one_onnx_runtime_loads()
    {
        // Given blue's model.onnx is not an ONNX model
        using var workspace = ServingWorkspace.Online().WriteBytes("models/iris/model.onnx", [.. Enumerable.Range(0, 512).Select(i => (byte)(i * 7))]);

        // When
        var run = await workspace.RunAsync("serve", "endpoints/iris", "--port", "0");

        // Then the error says which deployment, not only which file
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: deployment 'blue': model.onnx is not a model ONNX Runtime can load", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_rotate_only_the_named_key_When_regenerate_is_given()
    {
        using var workspace = ServingWorkspace.Online();
        var before = JsonNode.Parse((await workspace.RunAsync("endpoint", "keys", "endpoints/iris", "--output", "json")).Output)!;

        var after = JsonNode.Parse((await workspace.RunAsync("endpoint", "keys", "endpoints/iris", "--regenerate", "secondary", "--output",
            "json")).Output)!;

        Assert.Equal(before["primaryKey"]!.GetValue<string>(), after["primaryKey"]!.GetValue<string>());
        Assert.NotEqual(before["secondaryKey"]!.GetValue<string>(), after["secondaryKey"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(workspace.Root, ".repoml", "keys", "iris.json")));
    }
}
