using RepoML.Core.Artifacts;

namespace RepoML.Azure;

/// <summary>The default datastore of a dry run: uploads are listed (what would be sent where), nothing is sent.</summary>
public sealed class DryRunDatastore() : AzureMlDatastore("workspaceblobstore")
{
    public override string BlobUri(string path) => $"https://{{accountName}}.blob.core.windows.net/{{containerName}}/{path}";

    protected override Task<IReadOnlyDictionary<string, string?>> ExistingAsync(string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    protected override Task PutAsync(string blob, Func<Task<Stream>> open, Digest digest, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override IAsyncEnumerable<(string Blob, long Size)> ListAsync(string prefix, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a dry run has no job outputs to read");

    protected override Task<Stream> OpenAsync(string blob, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a dry run has no job outputs to read");
}
