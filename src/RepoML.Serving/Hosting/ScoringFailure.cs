namespace RepoML.Serving.Hosting;

/// <summary>
/// Why a scoring request got no answer, in HTTP's terms (REST answers it as a problem; gRPC maps the status to its
/// own codes): 400 bad input, 404 no such deployment, 408 request_timeout_ms, 413 too large, 429 at the concurrency
/// limit, 499 the client went away, 503 not loaded, 500 only for the unexpected.
/// </summary>
/// <param name="Field">Where in the request the problem is, for bad input.</param>
public sealed record ScoringFailure(int Status, string Title, string Detail, string? Field = null);
