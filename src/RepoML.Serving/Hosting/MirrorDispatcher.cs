using Microsoft.Extensions.Logging;

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

    /// <summary>Scores a copy of <paramref name="call"/> on each shadow deployment whose share picks it.</summary>
    public void Dispatch<TCall, TAnswer>(LoadedEndpoint state, string live, TCall call)
        where TCall : IScoringCall<TAnswer>
    {
        foreach (var mirror in state.Mirrors)
        {
            if (mirror.Deployment == live || !mirror.ShouldMirror())
            {
                continue;
            }

            if (Interlocked.Increment(ref inFlight) > MaxInFlight || !state.Deployments.TryGetValue(mirror.Deployment, out var shadow) || !shadow.TryAcquire())
            {
                Interlocked.Decrement(ref inFlight);
                metrics.Mirrored.WithLabels(mirror.Deployment, "dropped").Inc();
                continue;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    await call.ScoreAsync(shadow, CancellationToken.None);
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
