using System.Net.Http.Headers;

namespace RepoML.Workflows.Packaging;

/// <summary>Waits for a server's readiness probe, then scores the endpoint's sample request through <c>/score</c>.</summary>
public static class SmokeTest
{
    public static async Task<bool> WaitReadyAsync(string url, TimeSpan timeout, Func<Task<bool>> stillRunning, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(url + "/health/ready", cancel);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
            }

            if (!await stillRunning())
            {
                return false;
            }

            await Task.Delay(100, cancel);
        }

        return false;
    }

    /// <summary>POSTs the sample request; returns the status code and body.</summary>
    public static async Task<(int Status, string Body)> ScoreAsync(string url, string sampleRequest, string? key, string? deployment,
        CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "/score")
        {
            Content = new StringContent(await File.ReadAllTextAsync(sampleRequest, cancel), Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (deployment is not null)
        {
            request.Headers.Add("azureml-model-deployment", deployment);
        }

        using var response = await http.SendAsync(request, cancel);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancel));
    }
}
