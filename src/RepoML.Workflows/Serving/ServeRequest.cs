namespace RepoML.Workflows.Serving;

/// <summary>What <c>repoml serve</c> serves and how.</summary>
/// <param name="Port">TCP port (0 picks a free one).</param>
/// <param name="Models">Deployment name → a model file or folder to serve instead of its model.</param>
/// <param name="ConcurrentRuns">Coalesced model runs per deployment at once.</param>
/// <param name="GrpcPort">Also serve the v2 protocol over gRPC (cleartext HTTP/2) on this port; null: REST only.</param>
public sealed record ServeRequest(
    string Endpoint, string Host, int Port, IReadOnlyDictionary<string, string> Models, bool WatchFiles, bool CoalesceRequests, int ConcurrentRuns,
    int? GrpcPort = null);
