namespace RepoML.Core.Serving;

/// <summary>Which answers of the scoring server are its own fault, and so count against a deployment in rollout gates.</summary>
public static class ServingStatus
{
    /// <summary>
    /// A 5xx, a 408 (the deployment did not answer within <c>request_timeout_ms</c>) or a 429 (it is at its concurrency
    /// limit). Every other 4xx is about what the client sent (bad body, key, size, a closed connection: 499): a
    /// misbehaving client must not be able to roll a good deployment back.
    /// </summary>
    public static bool IsServerFault(int status) => status is >= 500 or 408 or 429;
}
