namespace RepoML.Serving.Tests.Support;

/// <summary>A class fixture: one workspace serving <c>blue</c> (all traffic, key auth) over REST and gRPC, for the tests of a class
/// that only read from it.</summary>
public sealed class BlueGrpcServer : IAsyncLifetime
{
    private readonly EndpointWorkspace workspace = new EndpointWorkspace().Endpoint("blue=100").Deployment("blue");

    /// <summary>The endpoint's name.</summary>
    public string Endpoint => workspace.Name;

    internal ScoringServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await KestrelServer.StartWithGrpcAsync(workspace);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        workspace.Dispose();
    }
}
