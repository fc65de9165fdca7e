using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RepoML.Core.Scoring;
using RepoML.Core.Serving;
using RepoML.Serving.Apis;
using RepoML.Serving.Collection;
using RepoML.Serving.Scoring;

namespace RepoML.Serving.Hosting;

/// <summary>
/// What every scoring request goes through, whatever its protocol (REST JSON or gRPC): deployment choice (pinned by
/// header or model name, else traffic split), concurrency gate (429), timeout (408), input errors (400), metrics,
/// data collection and mirroring. REST bodies are also held to the body limit here (413); gRPC's message limit is
/// the same number, applied by gRPC itself.
/// </summary>
public sealed class ScoringExecutor(EndpointHost host, ServingMetrics metrics, DataCollector collector, MirrorDispatcher mirror, ILogger<ScoringExecutor> logger)
{
    /// <summary>The response header naming the deployment that answered (and, on requests, pinning one), as on Azure ML.</summary>
    public const string DeploymentHeader = "azureml-model-deployment";

    /// <summary>Whether <paramref name="path"/> is a REST scoring route (<c>/score</c>, <c>/v2/models/…/infer</c>), whose errors this executor answers itself.</summary>
    public static bool IsScoringPath(PathString path) =>
        path.Equals("/score", StringComparison.OrdinalIgnoreCase)
        || (path.StartsWithSegments("/v2/models", StringComparison.OrdinalIgnoreCase) && path.Value!.EndsWith("/infer", StringComparison.OrdinalIgnoreCase));

    /// <summary>The deployment a request pins with the <see cref="DeploymentHeader"/> header (or gRPC metadata entry), if any.</summary>
    public static string? Pinned(HttpRequest request) =>
        request.Headers.TryGetValue(DeploymentHeader, out var value) && value.ToString() is { Length: > 0 } name ? name : null;

    /// <summary>Scores a REST request whose body is JSON: reads the body (413 beyond the limit), then runs the common path.</summary>
    public async Task<IResult> ExecuteAsync(HttpContext http, string protocol, string? pinned, Func<LoadedDeployment, JsonElement, CancellationToken, ValueTask<byte[]>> score)
    {
        var started = Stopwatch.GetTimestamp();
        byte[]? body;
        try
        {
            body = await RequestBody.ReadAsync(http.Request, host.Options.MaxRequestBodyBytes, http.RequestAborted);
        }
        catch (BadHttpRequestException ex) // an IOException too: first
        {
            return Problem(Refused(protocol, started, "bad_request", new(ex.StatusCode, "Unreadable request body", ex.Message)));
        }
        catch (Exception ex) when (ex is IOException || (ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            // The connection was reset or the request aborted while its body was read.
            return Problem(Refused(protocol, started, "client_closed", new(499, "Client closed the request", "the client went away")));
        }

        if (body is null)
        {
            return Problem(Refused(protocol, started, "too_large", new(413, "Request body too large", $"the body is larger than {host.Options.MaxRequestBodyBytes:N0} bytes")));
        }

        var outcome = await ExecuteAsync<JsonScoringCall, byte[]>(http, protocol, pinned, new JsonScoringCall(body, score), started);
        return outcome.Failure is { } failure ? Problem(failure) : new JsonBytesResult(outcome.Answer!);
    }

    /// <summary>
    /// The common path. On success the response carries the <see cref="DeploymentHeader"/> and <see cref="CorrelationId.Header"/>
    /// headers (for gRPC: response metadata), the answer is collected and the request mirrored.
    /// </summary>
    /// <param name="protocol">The <c>protocol</c> label of the request metrics.</param>
    /// <param name="pinned">The deployment to use; null for the traffic split.</param>
    /// <param name="started">When the request arrived (<see cref="Stopwatch.GetTimestamp"/>), for the latency metric.</param>
    public async ValueTask<ScoringOutcome<TAnswer>> ExecuteAsync<TCall, TAnswer>(HttpContext http, string protocol, string? pinned, TCall call, long started)
        where TCall : IScoringCall<TAnswer>
    {
        var label = "none";
        var status = StatusCodes.Status200OK;
        LoadedDeployment? deployment = null;
        try
        {
            var (state, chosen, problem) = Choose(pinned);
            if (problem is not null)
            {
                return Fail(problem.Status, "no_deployment", problem);
            }

            deployment = chosen!;
            label = deployment.Name;
            metrics.InFlight(label).Inc();

            // A timer only where request_timeout_ms asks for one: most requests need just the client's token.
            using var timeout = deployment.Settings.RequestTimeoutMs is > 0 ? CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted) : null;
            var cancellation = timeout?.Token ?? http.RequestAborted;
            var budget = Stopwatch.GetTimestamp();
            if (deployment.Settings.RequestTimeoutMs is > 0 and var ms)
            {
                timeout!.CancelAfter(ms);
            }

            TAnswer answer;
            try
            {
                if (!await deployment.Gate.EnterAsync(cancellation))
                {
                    return Fail(429, "throttled", new(429, "Too many requests",
                        $"deployment '{label}' is at max_concurrent_requests_per_instance ({deployment.Settings.MaxConcurrentRequests}) and its queue is full"));
                }

                try
                {
                    answer = await call.ScoreAsync(deployment, cancellation);
                }
                finally
                {
                    deployment.Gate.Exit();
                }
            }
            catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
            {
                return TimedOut(deployment);
            }

            // The timer may not have fired yet when the work beat its first tick: elapsed time decides too.
            var late = deployment.Settings.RequestTimeoutMs is > 0 and var limit && Stopwatch.GetElapsedTime(budget).TotalMilliseconds > limit;
            if ((timeout?.IsCancellationRequested == true || late) && !http.RequestAborted.IsCancellationRequested)
            {
                return TimedOut(deployment);
            }

            var correlation = CorrelationId.Of(http.Request);
            http.Response.Headers[DeploymentHeader] = label;
            http.Response.Headers[CorrelationId.Header] = correlation;
            await CollectAsync(state!, deployment, correlation, call, answer);
            mirror.Dispatch<TCall, TAnswer>(state!, label, call);
            return new(answer, null);
        }
        catch (RequestShapeException ex)
        {
            return Fail(400, "bad_request", new(400, Problems.BadRequestTitle, ex.Message, ex.Field));
        }
        catch (ScoringInputException ex)
        {
            return Fail(400, "bad_request", new(400, Problems.BadRequestTitle, ex.Message));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Fail(499, "client_closed", new(499, "Client closed the request", "the client went away"));
        }
        catch (Exception ex)
        {
            // Logged in full here; the caller learns only that it failed.
            logger.LogError(ex, "scoring failed on {Deployment}", label);
            return Fail(500, "unexpected", new(500, "Scoring failed", "an unexpected error occurred; see the server log"));
        }
        finally
        {
            if (deployment is not null)
            {
                metrics.InFlight(label).Dec();
                deployment.Release();
            }

            metrics.Answered(label, protocol, status, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        ScoringOutcome<TAnswer> Fail(int code, string reason, ScoringFailure failure)
        {
            status = code;
            metrics.Failed(label, code, reason);
            return ScoringOutcome<TAnswer>.Failed(failure);
        }

        ScoringOutcome<TAnswer> TimedOut(LoadedDeployment d) =>
            Fail(408, "timeout", new(408, "Request timeout", $"deployment '{d.Name}' did not answer within request_timeout_ms ({d.Settings.RequestTimeoutMs} ms)"));
    }

    private static IResult Problem(ScoringFailure failure) => Problems.Of(failure.Status, failure.Title, failure.Detail, failure.Field);

    /// <summary>Counts a request refused before a deployment was chosen.</summary>
    private ScoringFailure Refused(string protocol, long started, string reason, ScoringFailure failure)
    {
        metrics.Failed("none", failure.Status, reason);
        metrics.Answered("none", protocol, failure.Status, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return failure;
    }

    private (LoadedEndpoint? State, LoadedDeployment? Deployment, ScoringFailure? Problem) Choose(string? pinned)
    {
        // A reload may retire the deployment between the lookup and the lease: look again in the new state.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var state = host.State;
            if (state is null)
            {
                return (null, null, new(503, "Not ready", "the endpoint is not loaded yet"));
            }

            var name = pinned ?? state.Router.Next();
            if (name is null)
            {
                return (state, null, new(503, "No traffic", InferenceModels.NotLoaded(state, state.Settings.Name)
                    ?? $"no deployment of '{state.Settings.Name}' takes traffic; pin one with the {DeploymentHeader} header"));
            }

            if (!state.Deployments.TryGetValue(name, out var deployment))
            {
                return (state, null, state.Failures.TryGetValue(name, out var reason)
                    ? new(503, "Deployment not loaded", $"deployment '{name}' is not loaded: {reason}")
                    : new(404, "No such deployment", $"endpoint '{state.Settings.Name}' has no deployment '{name}'"));
            }

            if (deployment.TryAcquire())
            {
                return (state, deployment, null);
            }
        }

        return (null, null, new(503, "Reloading", "the endpoint is being reloaded; retry"));
    }

    private async ValueTask CollectAsync<TCall, TAnswer>(LoadedEndpoint state, LoadedDeployment deployment, string correlation, TCall call, TAnswer answer)
        where TCall : IScoringCall<TAnswer>
    {
        if (deployment.Settings.DataCollection is not { } collection)
        {
            return;
        }

        var now = collector.Time.GetUtcNow();
        if (collection.Collects(DataCollectionSettings.ModelInputs))
        {
            await collector.CollectAsync(new CollectedRecord(state.Settings.Name, deployment.Name, DataCollectionSettings.ModelInputs, collection.RollingRate, correlation, now, call.CollectedInputs(answer)));
        }

        if (collection.Collects(DataCollectionSettings.ModelOutputs))
        {
            await collector.CollectAsync(new CollectedRecord(state.Settings.Name, deployment.Name, DataCollectionSettings.ModelOutputs, collection.RollingRate, correlation, now, call.CollectedOutputs(answer)));
        }
    }
}
