namespace RepoML.Azure;

/// <summary>
/// How RepoML's requests reach Azure Resource Manager: <see cref="ArmChannel"/> sends them through the ArmClient's
/// pipeline and waits for long-running operations; <see cref="DryRunChannel"/> only records them. Every request is
/// recorded in <see cref="Requests"/>, in order.
/// </summary>
public abstract class AzureMlChannel
{
    private readonly List<ArmRequest> requests = [];

    /// <summary>True for a dry run: nothing is sent and reads answer nothing, so callers use placeholders.</summary>
    public abstract bool Offline { get; }

    public IReadOnlyList<ArmRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>GETs a resource or a list; null when it does not exist (404) or the channel is offline.</summary>
    public Task<JsonObject?> GetAsync(string path, CancellationToken cancellationToken = default) => SendAsync(ArmRequest.Get(path), cancellationToken);

    /// <summary>PUTs a resource and waits for its long-running operation; returns the resource as Azure answers it.</summary>
    public Task<JsonObject?> PutAsync(string path, JsonObject body, CancellationToken cancellationToken = default) =>
        SendAsync(ArmRequest.Put(path, body), cancellationToken);

    public Task<JsonObject?> PostAsync(string path, JsonObject? body = null, CancellationToken cancellationToken = default) =>
        SendAsync(ArmRequest.Post(path, body), cancellationToken);

    public Task<JsonObject?> SendAsync(ArmRequest request, CancellationToken cancellationToken)
    {
        lock (requests)
        {
            requests.Add(request);
        }

        return ExecuteAsync(request, cancellationToken);
    }

    protected abstract Task<JsonObject?> ExecuteAsync(ArmRequest request, CancellationToken cancellationToken);
}
