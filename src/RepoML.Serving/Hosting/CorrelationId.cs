using Microsoft.AspNetCore.Http;

namespace RepoML.Serving.Hosting;

/// <summary>The id that ties a request to its collected inputs and outputs: the caller's <c>x-request-id</c> / <c>x-ms-client-request-id</c>, else a new one.</summary>
public static class CorrelationId
{
    public const string Header = "x-request-id";

    public static string Of(HttpRequest request)
    {
        foreach (var name in new[] { Header, "x-ms-client-request-id" })
        {
            if (request.Headers.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 and <= 128 } id)
            {
                return id;
            }
        }

        return Guid.NewGuid().ToString();
    }
}
