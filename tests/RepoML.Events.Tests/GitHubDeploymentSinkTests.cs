namespace RepoML.Events.Tests;

public sealed class GitHubDeploymentSinkTests
{
    [Fact]
    public async Task Should_create_a_deployment_and_a_success_status_When_a_model_is_deployed()
    {
        // Given a GitHub Enterprise-style API stand-in
        using var folder = new EventsTestFolder();
        using var github = new GitHubApiStandIn("contoso/credit");
        var settings = EventsTestFolder.Settings(new SinkSettings("gh", SinkSettings.GitHubDeployments, [], github.BaseAddress.ToString(),
            "GH_TOKEN", "contoso/credit", null, null));
        using var http = new HttpClient();
        var publisher = new OutboxEventPublisher(folder.Outbox, folder.Delivery(settings, EventSinkFactory.Create(settings, _ => "ghp_test",
            http)), TextWriter.Null);

        // When a deployment event and an unrelated drift event are published
        await publisher.PublishAsync(LifecycleEvents.ModelDeployed("/repos/test", DateTimeOffset.UnixEpoch, "credit", "blue", ["credit:3"],
            "local", new Dictionary<string, string>(), "traffic=100"));
        await publisher.PublishAsync(EventsTestFolder.DriftEvent());

        // Then Octokit created the deployment for environment credit/blue and its success status; drift was skipped
        var requests = github.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("/api/v3/repos/contoso/credit/deployments", requests[0].PathAndQuery);
        Assert.Equal("token ghp_test", requests[0].Headers["Authorization"], ignoreCase: true);
        using var deployment = JsonDocument.Parse(requests[0].Body);
        Assert.Equal("credit/blue", deployment.RootElement.GetProperty("environment").GetString());
        Assert.Equal("/api/v3/repos/contoso/credit/deployments/42/statuses", requests[1].PathAndQuery);
        using var status = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("success", status.RootElement.GetProperty("state").GetString());
        Assert.Equal(1, Assert.Single(publisher.LastOutcomes).Skipped);
    }
}
