using Microsoft.Extensions.Hosting;

namespace RepoML.Serving.Tests.Rollout;

public sealed class EndpointLifecycleTests
{
    [Fact]
    public async Task Should_stop_quietly_When_stopped_again_after_the_server_was_disposed()
    {
        // Given a started server watching its endpoint files, and its endpoint lifecycle
        using var workspace = new EndpointWorkspace().Endpoint("blue=100").Deployment("blue");
        var server = await KestrelServer.StartAsync(workspace);
        var lifecycle = server.App.Services.GetServices<IHostedService>().OfType<EndpointLifecycle>().Single();

        // When the server stops and is disposed, and the lifecycle is then stopped and disposed once more, as under
        // WebApplicationFactory, where the test host and the application's own run both stop the hosted services
        await server.DisposeAsync();
        var error = await Record.ExceptionAsync(async () =>
        {
            await lifecycle.StopAsync(CancellationToken.None);
            lifecycle.Dispose();
        });

        // Then nothing throws
        Assert.Null(error);
    }
}
