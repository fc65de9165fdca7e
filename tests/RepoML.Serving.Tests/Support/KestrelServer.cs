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
}
