namespace RepoML.Serving.Hosting;

/// <summary>
/// <c>mirror_traffic</c>: copies a share of requests to shadow deployments after the caller's answer is computed,
/// fire-and-forget on the thread pool. The shadow's answer is discarded; when shadows fall behind (64 in flight)
/// further copies are dropped, so mirroring can never slow the live path.
/// </summary>
public sealed class MirrorDispatcher(ServingMetrics metrics, ILogger<MirrorDispatcher> logger)
{
    private const int MaxInFlight = 64;
    private int inFlight;

    public void Dispatch(LoadedEndpoint state, string live, byte[] body, Func<LoadedDeployment, JsonElement, CancellationToken,
        ValueTask<byte[]>> score)
    {
        foreach (var mirror in state.Mirrors)
        {
            if (mirror.Deployment == live || !mirror.ShouldMirror())
            {
                continue;
            }

            if (Interlocked.Increment(ref inFlight) > MaxInFlight || !state.Deployments.TryGetValue(mirror.Deployment,
                out var shadow) || !shadow.TryAcquire())
            {
                Interlocked.Decrement(ref inFlight);
                metrics.Mirrored.WithLabels(mirror.Deployment, "dropped").Inc();
                continue;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    using var document = JsonDocument.Parse(body);
                    await score(shadow, document.RootElement, CancellationToken.None);
                    metrics.Mirrored.WithLabels(shadow.Name, "scored").Inc();
                }
                catch (Exception ex)
                {
                    metrics.Mirrored.WithLabels(shadow.Name, "failed").Inc();
                    logger.LogDebug("mirrored request to {Deployment} failed: {Reason}", shadow.Name, ex.Message);
                }
                finally
                {
                    shadow.Release();
                    Interlocked.Decrement(ref inFlight);
                }
            });
        }
    }
}
