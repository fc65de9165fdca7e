namespace RepoML.Serving.Tests.Support;

/// <summary>Starts a test <see cref="EndpointWorkspace"/>'s scoring server on a real Kestrel (a <see cref="ScoringServer"/>), reloading
/// changed files after 100 ms.</summary>
internal static class KestrelServer
{
    /// <param name="configure">Changes to the default options, for the few tests that need other ones.</param>
    public static Task<ScoringServer> StartAsync(EndpointWorkspace workspace, Func<ServingOptions, ServingOptions>? configure = null)
    {
        var options = new ServingOptions { EndpointFolder = workspace.Folder, WorkspaceRoot = workspace.Root,
            ReloadDebounce = TimeSpan.FromMilliseconds(100) };
        return ScoringServer.StartAsync(configure?.Invoke(options) ?? options, workspace.Name);
    }

    /// <summary>Writes the endpoint with <paramref name="traffic"/> (and <paramref name="mirror"/> traffic) over two deployments of the
    /// iris model, blue and green, and serves it: the rollout tests' starting point.</summary>
    public static Task<ScoringServer> StartBlueAndGreenAsync(EndpointWorkspace workspace, string traffic, string? mirror = null, bool grpc = false)
    {
        workspace.Endpoint(traffic, mirror).Deployment("blue").Deployment("green");
        return grpc ? StartWithGrpcAsync(workspace) : StartAsync(workspace);
    }

    /// <summary>The same server, also answering gRPC on a port of its own that the system picks (<see cref="ScoringServer.Grpc"/>).</summary>
    public static Task<ScoringServer> StartWithGrpcAsync(EndpointWorkspace workspace, Func<ServingOptions, ServingOptions>? configure = null) =>
        StartAsync(workspace, options =>
        {
            var configured = configure?.Invoke(options) ?? options;
            return new ServingOptions
            {
                EndpointFolder = configured.EndpointFolder,
                WorkspaceRoot = configured.WorkspaceRoot,
                ReloadDebounce = configured.ReloadDebounce,
                WatchFiles = configured.WatchFiles,
                MaxRequestBodyBytes = configured.MaxRequestBodyBytes,
                GrpcUrl = "http://127.0.0.1:0",
            };
        });
}
