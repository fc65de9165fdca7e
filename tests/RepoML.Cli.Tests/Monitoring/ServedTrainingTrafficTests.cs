namespace RepoML.Cli.Tests.Monitoring;

public sealed class ServedTrainingTrafficTests
{
    [Fact]
    public async Task Should_compare_predictions_with_the_deployed_models_and_not_alert_When_served_traffic_is_the_training_data()
    {
        // Given the sample credit endpoint whose deployments serve a freshly trained model (an inline path, as the registry's
        // version would be), served for real on 127.0.0.1
        using var workspace = MonitorCommandTests.CreditWorkspace(webhook: null);
        var repo = RepositoryRoot.Path;
        workspace.Write("endpoints/credit/endpoint.yml", File.ReadAllText(Path.Combine(repo, "endpoints", "credit", "endpoint.yml")));
        foreach (var file in new[] { "blue.yml", "green.yml" })
        {
            workspace.Write($"endpoints/credit/{file}", SampleSpecs.PinnedToTestRegistry(File.ReadAllText(Path.Combine(repo, "endpoints",
                "credit", file))).Replace("model: azureml:credit:1", "model:\n  path: ../../model", StringComparison.Ordinal));
        }

        var train = await workspace.RunAsync("train", "--data", "data/credit/credit.csv", "--label", "class", "--task", "binary", "--trainer",
            "fasttree", "--param", "number_of_trees=10", "--out", "model");
        Assert.Equal(0, train.ExitCode);
        using var keys = JsonDocument.Parse((await workspace.RunAsync("endpoint", "keys", "endpoints/credit", "--output", "json")).Output);
        await using var serve = await CliServe.StartAsync(workspace.Root, ["serve", "endpoints/credit", "--port", "0", "--no-watch"]);

        // When 300 rows of the training data are scored over HTTP and the server stops (flushing what it collected)
        using (var client = new HttpClient { BaseAddress = new Uri(serve.Address) })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", keys.RootElement.GetProperty("primaryKey").GetString());
            var (columns, rows, _) = MonitorCommandTests.Credit(workspace.Root);
            await ScoredTraffic.PostAsync(client, columns, rows.Take(300));
        }

        Assert.Equal(0, await serve.StopAsync());
        var now = DateTimeOffset.UtcNow;
        var run = await workspace.RunAsync("monitor", "endpoints/credit", "--from", now.AddHours(-1).ToString("O", CultureInfo.InvariantCulture),
            "--to", now.AddHours(1).ToString("O", CultureInfo.InvariantCulture), "-o", "json", "--no-events");

        // Then the baseline's predictions come from the deployed model, and nothing alerts
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Contains("prediction drift: the baseline scored by the deployed model, model (deployment blue)",
            json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("stable", json.RootElement.GetProperty("prediction_drift").GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("alerts").EnumerateArray());
    }
}
