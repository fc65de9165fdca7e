using Azure.Core.Pipeline;

namespace RepoML.Azure;

/// <summary>
/// Everything one <c>repoml run|deploy --target azureml</c> talks to: the workspace, the ARM channel, the default
/// datastore (found on first use), how often to poll, and where progress lines go. <see cref="DryRun"/> makes one
/// that sends nothing and needs no credential.
/// </summary>
public sealed class AzureMlSession
{
    private readonly Func<CancellationToken, Task<AzureMlDatastore>> connect;
    private Task<AzureMlDatastore>? datastore;

    private AzureMlSession(
        AzureMlWorkspace workspace, AzureMlChannel channel, Func<CancellationToken, Task<AzureMlDatastore>> connect, TimeSpan pollInterval, Action<string> log)
    {
        Workspace = workspace;
        Channel = channel;
        this.connect = connect;
        PollInterval = pollInterval;
        Log = log;
    }

    public AzureMlWorkspace Workspace { get; }

    public AzureMlChannel Channel { get; }

    public TimeSpan PollInterval { get; }

    public Action<string> Log { get; }

    /// <summary>A session that sends its requests through a real ArmClient.</summary>
    /// <param name="armEndpoint">ARM's address; null for public Azure.</param>
    /// <param name="blobServiceUri">The datastore's blob service address, when not the account's public one.</param>
    public static AzureMlSession Live(
        AzureMlWorkspace workspace, TokenCredential credential, Action<string> log,
        Uri? armEndpoint = null, HttpPipelineTransport? transport = null, Uri? blobServiceUri = null, TimeSpan? pollInterval = null)
    {
        var interval = pollInterval ?? TimeSpan.FromSeconds(5);
        var channel = new ArmChannel(AzureMlApi.CreateClient(credential, workspace.SubscriptionId, armEndpoint, transport), interval);
        return new AzureMlSession(workspace, channel,
            async ct => await BlobDatastore.ConnectAsync(channel, workspace, credential, blobServiceUri, ct).ConfigureAwait(false), interval, log);
    }

    /// <summary>A session that records the requests and uploads it would make, for <c>--dry-run</c>.</summary>
    public static AzureMlSession DryRun(AzureMlWorkspace workspace, Action<string>? log = null)
    {
        var channel = new DryRunChannel();
        return new AzureMlSession(workspace, channel, async ct =>
        {
            // What a live session asks first: the default datastore, then its account key.
            await channel.GetAsync($"{workspace.Id}/datastores?isDefault=true", ct).ConfigureAwait(false);
            await channel.PostAsync($"{workspace.Datastore("workspaceblobstore")}/listSecrets", null, ct).ConfigureAwait(false);
            return new DryRunDatastore();
        }, TimeSpan.Zero, log ?? (_ => { }));
    }

    /// <summary>The default datastore, found once.</summary>
    public Task<AzureMlDatastore> DatastoreAsync(CancellationToken cancellationToken = default) =>
        datastore ??= connect(cancellationToken);

    /// <summary>The uploads made (or, in a dry run, planned) so far.</summary>
    public IReadOnlyList<DatastoreUpload> Uploads => datastore is { IsCompletedSuccessfully: true } d ? d.Result.Uploads : [];
}
