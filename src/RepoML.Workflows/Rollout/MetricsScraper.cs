namespace RepoML.Workflows.Rollout;

/// <summary>Reads the live endpoint's Prometheus <c>/metrics</c>.</summary>
public static class MetricsScraper
{
    /// <returns>The samples, or null with the reason when the address cannot be read.</returns>
    public static async Task<(IReadOnlyList<PrometheusSample>? Samples, string? Problem)> ScrapeAsync(string? url, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return (null, "no metrics address: set metrics_url in the plan or pass --metrics-url");
        }

        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var text = await client.GetStringAsync(new Uri(url), cancellation);
            return (PrometheusText.Parse(text), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return (null, $"{url}: {ex.Message}");
        }
    }
}
