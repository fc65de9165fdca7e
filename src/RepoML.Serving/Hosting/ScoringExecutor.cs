using RepoML.Serving.Collection;

namespace RepoML.Serving.Hosting;

/// <summary>
/// What every scoring request goes through, whatever its protocol: body limit (413), deployment choice (pinned by
/// header or path, else traffic split), concurrency gate (429), timeout (408), input errors (400), metrics,
/// data collection and mirroring.
/// </summary>
public sealed class ScoringExecutor(EndpointHost host, ServingMetrics metrics, DataCollector collector, MirrorDispatcher mirror,
    ILogger<ScoringExecutor> logger)
{
    /// <summary>The response header naming the deployment that answered (and, on requests, pinning one), as on Azure ML.</summary>
    public const string DeploymentHeader = "azureml-model-deployment";

    /// <summary>Whether <paramref name="path"/> is a scoring route (<c>/score</c>, <c>/v2/models/…/infer</c>), whose errors this executor
    /// answers itself.</summary>
    public static bool IsScoringPath(PathString path) =>
        path.Equals("/score", StringComparison.OrdinalIgnoreCase)
        || (path.StartsWithSegments("/v2/models", StringComparison.OrdinalIgnoreCase) && path.Value!.EndsWith("/infer",
            StringComparison.OrdinalIgnoreCase));

    public async Task<IResult> ExecuteAsync(HttpContext http, string protocol, string? pinned, Func<LoadedDeployment, JsonElement,
        CancellationToken, ValueTask<byte[]>> score)
    {
        var started = Stopwatch.GetTimestamp();
        var label = "none";
        var status = StatusCodes.Status200OK;
        LoadedDeployment? deployment = null;
        try
        {
            var body = await RequestBody.ReadAsync(http.Request, host.Options.MaxRequestBodyBytes, http.RequestAborted);
            if (body is null)
            {
                return Fail(StatusCodes.Status413PayloadTooLarge, "too_large", Problems.Of(413, "Request body too large",
                    $"the body is larger than {host.Options.MaxRequestBodyBytes:N0} bytes"));
            }

            var (state, chosen, problem) = Choose(pinned);
            if (problem is not null)
            {
                return Fail(problem.StatusCode, "no_deployment", problem);
            }

            deployment = chosen!;
            label = deployment.Name;
            metrics.InFlight(label).Inc();

            // A timer only where request_timeout_ms asks for one: most requests need just the client's token.
            using var timeout = deployment.Settings.RequestTimeoutMs is > 0
                ? CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted) : null;
            var cancellation = timeout?.Token ?? http.RequestAborted;
            var budget = Stopwatch.GetTimestamp();
            if (deployment.Settings.RequestTimeoutMs is > 0 and var ms)
            {
                timeout!.CancelAfter(ms);
            }

            byte[] answer;
            try
            {
                if (!await deployment.Gate.EnterAsync(cancellation))
                {
                    return Fail(StatusCodes.Status429TooManyRequests, "throttled", Problems.Of(429, "Too many requests",
                        $"deployment '{label}' is at max_concurrent_requests_per_instance ({deployment.Settings.MaxConcurrentRequests}) " +
                            $"and its queue is full"));
                }

                try
                {
                    using var document = Parse(body);
                    answer = await score(deployment, document.RootElement, cancellation);
                }
                finally
                {
                    deployment.Gate.Exit();
                }
            }
            catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
            {
                return TimedOut(deployment, out status);
            }

            // The timer may not have fired yet when the work beat its first tick: elapsed time decides too.
            var late = deployment.Settings.RequestTimeoutMs is > 0 and var limit && Stopwatch.GetElapsedTime(budget).TotalMilliseconds > limit;
            if ((timeout?.IsCancellationRequested == true || late) && !http.RequestAborted.IsCancellationRequested)
            {
                return TimedOut(deployment, out status);
            }

            var correlation = CorrelationId.Of(http.Request);
            http.Response.Headers[DeploymentHeader] = label;
            http.Response.Headers[CorrelationId.Header] = correlation;
            await CollectAsync(state!, deployment, correlation, body, answer);
            mirror.Dispatch(state!, label, body, score);
            return new JsonBytesResult(answer);
        }
        catch (RequestShapeException ex)
        {
            return Fail(400, "bad_request", Problems.BadRequest(ex.Message, ex.Field));
        }
        catch (ScoringInputException ex)
        {
            return Fail(400, "bad_request", Problems.BadRequest(ex.Message));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Fail(499, "client_closed", Problems.Of(499, "Client closed the request", "the client went away"));
        }
        catch (Exception ex)
        {
            // Logged in full here; the caller learns only that it failed.
            logger.LogError(ex, "scoring failed on {Deployment}", label);
            return Fail(500, "unexpected", Problems.Of(500, "Scoring failed", "an unexpected error occurred; see the server log"));
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

        IResult Fail(int? code, string reason, IResult result)
        {
            status = code ?? 500;
            metrics.Errors.WithLabels(label, reason).Inc();
            return result;
        }

        IResult TimedOut(LoadedDeployment d, out int code)
        {
            code = 408;
            metrics.Errors.WithLabels(label, "timeout").Inc();
            return Problems.Of(408, "Request timeout",
                $"deployment '{d.Name}' did not answer within request_timeout_ms ({d.Settings.RequestTimeoutMs} ms)");
        }
    }

    private (LoadedEndpoint? State, LoadedDeployment? Deployment,
        Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Problem) Choose(string? pinned)
    {
        // A reload may retire the deployment between the lookup and the lease: look again in the new state.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var state = host.State;
            if (state is null)
            {
                return (null, null, Problems.Of(503, "Not ready", "the endpoint is not loaded yet"));
            }

            var name = pinned ?? state.Router.Next();
            if (name is null)
            {
                return (state, null, Problems.Of(503, "No traffic",
                    $"no deployment of '{state.Settings.Name}' takes traffic; pin one with the {DeploymentHeader} header"));
            }

            if (!state.Deployments.TryGetValue(name, out var deployment))
            {
                var why = state.Failures.GetValueOrDefault(name);
                return (state, null, why is null
                    ? Problems.Of(404, "No such deployment", $"endpoint '{state.Settings.Name}' has no deployment '{name}'")
                    : Problems.Of(503, "Deployment not loaded", $"deployment '{name}' is not loaded"));
            }

            if (deployment.TryAcquire())
            {
                return (state, deployment, null);
            }
        }

        return (null, null, Problems.Of(503, "Reloading", "the endpoint is being reloaded; retry"));
    }

    private static JsonDocument Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new RequestShapeException("$", $"the body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }
    }

    private async ValueTask CollectAsync(LoadedEndpoint state, LoadedDeployment deployment, string correlation, byte[] body, byte[] answer)
    {
        if (deployment.Settings.DataCollection is not { } collection)
        {
            return;
        }

        var now = collector.Time.GetUtcNow();
        if (collection.Collects(DataCollectionSettings.ModelInputs))
        {
            await collector.CollectAsync(new CollectedRecord(state.Settings.Name, deployment.Name, DataCollectionSettings.ModelInputs,
                collection.RollingRate, correlation, now, body));
        }

        if (collection.Collects(DataCollectionSettings.ModelOutputs))
        {
            await collector.CollectAsync(new CollectedRecord(state.Settings.Name, deployment.Name, DataCollectionSettings.ModelOutputs,
                collection.RollingRate, correlation, now, answer));
        }
    }
}
