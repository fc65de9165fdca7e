using RepoML.Azure;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>RepoML's real Azure ML session (ArmClient, Azure.Storage.Blobs) pointed at an <see cref="ArmStandIn"/> and its Azurite datastore.</summary>
internal static class StandInSessions
{
    public static AzureMlWorkspace Workspace(ArmStandIn arm) =>
        new(arm.Options.SubscriptionId, arm.Options.ResourceGroup, arm.Options.Workspace, arm.Options.Location);

    public static AzureMlSession Open(ArmStandIn arm, List<string>? log = null) =>
        AzureMlSession.Live(Workspace(arm), new StubCredential(), line =>
        {
            lock (log ?? [])
            {
                log?.Add(line);
            }
        }, arm.Address, arm.Transport, arm.BlobServiceUri, TimeSpan.Zero);
}
