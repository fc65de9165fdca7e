namespace RepoML.Tests.Shared.AzureMl;

/// <summary>
/// What the stand-in workspace holds before a test: its computes, environment versions (oldest first), the default
/// datastore (an Azurite container, or none), and the compute that "runs" a job: it reads the job's inputs and writes
/// its outputs in the datastore, as a cluster would.
/// </summary>
internal sealed record ArmStandInOptions
{
    public string SubscriptionId { get; init; } = "00000000-0000-0000-0000-000000000001";

    public string ResourceGroup { get; init; } = "rg";

    public string Workspace { get; init; } = "repoml-ws";

    public string Location { get; init; } = "westeurope";

    public string ApiVersion { get; init; } = "2024-10-01";

    public IReadOnlyList<string> Computes { get; init; } = ["cpu-cluster"];

    /// <summary>Environment name → its versions, oldest first (the last is @latest).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Environments { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Azurite's connection string; null for a workspace without a reachable datastore.</summary>
    public string? AzuriteConnectionString { get; init; }

    public string DatastoreContainer { get; init; } = "azureml-blobstore-00000000";

    /// <summary>
    /// Answer long-running PUTs with 202 and a <c>Location</c> to poll (the other form ARM's RPC allows) instead of
    /// 201 and <c>Azure-AsyncOperation</c> (the form this api-version's spec gives them).
    /// </summary>
    public bool LocationPolling { get; init; }

    /// <summary>Runs a submitted job when it is polled to completion; null completes it with no outputs.</summary>
    public Func<StandInJob, Task>? Compute { get; init; }

    public string WorkspaceId => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/{Workspace}";
}
