namespace RepoML.Workflows.Monitoring;

/// <summary>Scrapes the scoring server's <c>/metrics</c> and computes per-deployment latency, error rate and saturation.</summary>
public static class InfrastructureScrape
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <returns>No health and no error without a URL; an error message (not an exception) when the server cannot be reached.</returns>
    public static async Task<(IReadOnlyList<DeploymentHealth> Health, string? Error)> ReadAsync(string root, string endpoint, string? url,
        InfrastructureThresholds thresholds, CancellationToken cancel)
    {
        if (url is null)
        {
            return ([], null);
        }

        string text;
        try
        {
            text = await Http.GetStringAsync(url, cancel);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return ([], $"{url}: {ex.Message}");
        }

        return (InfrastructureCalculator.Compute(PrometheusText.Parse(text), Concurrency(root, endpoint), thresholds), null);
    }

    // max_concurrent_requests_per_instance of each deployment of the endpoint, the denominator of saturation.
    private static Dictionary<string, int> Concurrency(string root, string endpoint)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new DiskWorkspaceFiles(root);
        var workspace = WorkspaceLoader.Load(files);
        foreach (var deployment in workspace.OfKind([.. Workspace.OnlineDeploymentKinds]).Where(d => d.Root!.GetString("endpoint_name") == endpoint))
        {
            var settings = ServingSpecReader.ReadDeployment(deployment);
            if (settings.MaxConcurrentRequests is { } max)
            {
                result[settings.Name] = max;
            }
        }

        return result;
    }
}
