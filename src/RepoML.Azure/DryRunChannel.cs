namespace RepoML.Azure;

/// <summary>Records what would be sent, sends nothing and needs no credential: <c>--dry-run</c>.</summary>
public sealed class DryRunChannel : AzureMlChannel
{
    public override bool Offline => true;

    protected override Task<JsonObject?> ExecuteAsync(ArmRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Method == "PUT" ? request.Body?.DeepClone() as JsonObject : null);
}
