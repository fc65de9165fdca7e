using Azure.Core.Pipeline;
using Response = global::Azure.Response;

namespace RepoML.Azure;

/// <summary>
/// Sends requests through a real <see cref="ArmClient"/>'s pipeline (its credential, retries and endpoint) and waits
/// for long-running operations the way ARM specifies them: <c>Azure-AsyncOperation</c> is polled until its status is
/// terminal and the resource is then read from its own address; a <c>Location</c> is polled until it stops answering
/// 202; a resource that answers with a non-terminal <c>provisioningState</c> is read again until it ends.
/// </summary>
public sealed class ArmChannel(ArmClient client, TimeSpan pollInterval) : AzureMlChannel
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    private readonly PipelineAccess access = new(client);

    public override bool Offline => false;

    protected override async Task<JsonObject?> ExecuteAsync(ArmRequest request, CancellationToken cancellationToken)
    {
        using var message = Message(request.Method, Address(request.Path, request.ApiVersion), request.Body);
        await access.Http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status == 404 && request.Method == "GET")
        {
            return null;
        }

        var body = Check(request.Method, request.Path, response);
        if (response.Headers.TryGetValue("Azure-AsyncOperation", out var operation) && operation is not null)
        {
            await PollOperationAsync(request, new Uri(operation), Delay(response), cancellationToken).ConfigureAwait(false);
            return await GetAsync(request.Path, cancellationToken).ConfigureAwait(false);
        }

        if (response.Status == 202 && response.Headers.TryGetValue("Location", out var location) && location is not null)
        {
            return await PollLocationAsync(request, new Uri(location), Delay(response), cancellationToken).ConfigureAwait(false);
        }

        return request.Method == "PUT" ? await SettleAsync(request, body, cancellationToken).ConfigureAwait(false) : body;
    }

    private async Task PollOperationAsync(ArmRequest request, Uri operation, TimeSpan delay, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            using var poll = Message("GET", operation, null);
            await access.Http.SendAsync(poll, cancellationToken).ConfigureAwait(false);
            var status = Check("GET", operation.AbsolutePath, poll.Response)?["status"]?.GetValue<string>() ?? "InProgress";
            if (status.Equals("Succeeded", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            if (status.Equals("Failed", StringComparison.OrdinalIgnoreCase) || status.Equals("Canceled", StringComparison.OrdinalIgnoreCase))
            {
                throw Failure(request, poll.Response, status);
            }

            delay = Delay(poll.Response);
        }
    }

    private async Task<JsonObject?> PollLocationAsync(ArmRequest request, Uri location, TimeSpan delay, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            using var poll = Message("GET", location, null);
            await access.Http.SendAsync(poll, cancellationToken).ConfigureAwait(false);
            var body = Check(request.Method, request.Path, poll.Response);
            if (poll.Response.Status != 202)
            {
                return body;
            }

            delay = Delay(poll.Response);
        }
    }

    /// <summary>A PUT answered synchronously but still provisioning: read the resource until it ends.</summary>
    private async Task<JsonObject?> SettleAsync(ArmRequest request, JsonObject? body, CancellationToken cancellationToken)
    {
        while (body?["properties"]?["provisioningState"]?.GetValue<string>() is { } state && !IsTerminal(state))
        {
            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
            body = await GetAsync(request.Path, cancellationToken).ConfigureAwait(false);
        }

        if (body?["properties"]?["provisioningState"]?.GetValue<string>() is { } final && !final.Equals("Succeeded", StringComparison.OrdinalIgnoreCase))
        {
            throw new AzureMlRequestException(request.Method, request.Path, 200, "ProvisioningFailed", $"{request.Path} ended in provisioning state {final}");
        }

        return body;
    }

    private static bool IsTerminal(string state) => state is "Succeeded" or "Failed" or "Canceled";

    private TimeSpan Delay(Response response) =>
        response.Headers.TryGetValue("Retry-After", out var text) && int.TryParse(text, out var seconds)
            ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, MaxWait.TotalSeconds))
            : pollInterval;

    private Uri Address(string path, string apiVersion)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var builder = new RequestUriBuilder();
        builder.Reset(access.BaseUri);
        builder.AppendPath(query < 0 ? path : path[..query], escape: false);
        builder.AppendQuery("api-version", apiVersion, true);
        foreach (var pair in (query < 0 ? "" : path[(query + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            builder.AppendQuery(pair[..equals], pair[(equals + 1)..], true);
        }

        return builder.ToUri();
    }

    private HttpMessage Message(string method, Uri address, JsonNode? body)
    {
        var message = access.Http.CreateMessage();
        message.Request.Method = RequestMethod.Parse(method);
        message.Request.Uri.Reset(address);
        message.Request.Headers.Add("Accept", "application/json");
        if (body is not null)
        {
            message.Request.Headers.Add("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
        }

        return message;
    }

    private static JsonObject? Check(string method, string path, Response response)
    {
        if (response.Status >= 400)
        {
            throw Failure(new ArmRequest(method, path, AzureMlApi.Version, null), response, null);
        }

        var text = response.Content.ToString();
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
    }

    private static AzureMlRequestException Failure(ArmRequest request, Response response, string? status)
    {
        JsonNode? error = null;
        try
        {
            error = JsonNode.Parse(response.Content.ToString())?["error"];
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the status line says enough.
        }

        return new AzureMlRequestException(
            request.Method, request.Path, response.Status,
            error?["code"]?.GetValue<string>() ?? status ?? response.ReasonPhrase,
            error?["message"]?.GetValue<string>() ?? (status is null ? response.Content.ToString() : $"the operation ended {status}"));
    }

    /// <summary>The pipeline and address of the ArmClient: what its generated resources send through.</summary>
    private sealed class PipelineAccess(ArmClient client) : ArmResource(client, new ResourceIdentifier("/"))
    {
        public HttpPipeline Http => Pipeline;

        public Uri BaseUri => Endpoint;
    }
}
