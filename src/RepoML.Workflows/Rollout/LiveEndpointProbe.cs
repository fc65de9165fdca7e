using RepoML.Core.Json;

namespace RepoML.Workflows.Rollout;

/// <summary>Reads what a live endpoint serves from its <c>/health/ready</c> (the <c>models</c> each deployment reports).</summary>
public static class LiveEndpointProbe
{
    /// <summary>The endpoint's base address from any of its addresses (<c>http://127.0.0.1:5001/metrics</c> → <c>http://127.0.0.1:5001/</c>).</summary>
    public static Uri? BaseOf(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/")
            : null;

    /// <returns>Every deployment the endpoint reports, or null with the reason when it cannot be read.</returns>
    public static async Task<(IReadOnlyList<ObservedDeploymentState>? Deployments, string? Problem)> ReadAsync(string address,
        CancellationToken cancellation)
    {
        if (BaseOf(address) is not { } root)
        {
            return (null, $"'{address}' is not an http(s) address");
        }

        var ready = new Uri(root, "health/ready");
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            // 503 (not ready) still reports what is served.
            using var response = await client.GetAsync(ready, cancellation);
            var text = await response.Content.ReadAsStringAsync(cancellation);
            using var json = StrictJson.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("models", out var models)
                || models.ValueKind != JsonValueKind.Object)
            {
                return (null, $"{ready} does not report what each deployment serves (HTTP {(int)response.StatusCode}); is it a RepoML server?");
            }

            return ([.. models.EnumerateObject().Select(m => new ObservedDeploymentState(m.Name, Text(m.Value, "model"), Text(m.Value, "version"),
                Text(m.Value, "digest"), m.Value.TryGetProperty("traffic", out var t) && t.TryGetInt32(out var share) ? share : 0,
                Text(m.Value, "error")))], null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (null, $"{ready}: {ex.Message}");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
