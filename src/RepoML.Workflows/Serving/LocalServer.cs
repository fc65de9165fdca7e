using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RepoML.Workflows.Hosting;

namespace RepoML.Workflows.Serving;

/// <summary>The work of <c>repoml serve</c>: hosts an online endpoint on Kestrel in this process until cancelled or stopped.</summary>
public static class LocalServer
{
    /// <exception cref="WorkflowException">The endpoint does not load, the address is taken, or no deployment could be served.</exception>
    public static async Task RunAsync(WorkflowContext context, ServeRequest request, CancellationToken cancellation)
    {
        var (endpoint, host, port, models, watch, coalesce, runs, grpcPort) = request;
        var folder = context.FullPath(endpoint);
        if (!Directory.Exists(folder))
        {
            var parent = Path.GetDirectoryName(folder);
            var near = parent is not null && Directory.Exists(parent) ? RepoML.Core.Schema.StringDistance.Closest(Path.GetFileName(folder),
                Directory.EnumerateDirectories(parent).Select(Path.GetFileName).OfType<string>()) : null;
            throw WorkflowException.Usage($"{endpoint}: no such endpoint folder" +
                (near is null ? "" : $"; did you mean '{Path.Combine(Path.GetDirectoryName(endpoint) ?? "", near).Replace('\\', '/')}'?"));
        }

        var root = WorkspaceRoot.Find(folder);
        var options = new ServingOptions { EndpointFolder = folder, WorkspaceRoot = root, ModelOverrides = models, WatchFiles = watch,
            CoalesceRequests = coalesce, ConcurrentRuns = runs, GrpcUrl = grpcPort is { } g ? $"http://{host}:{g}" : null };
        // The URL is set before AddRepoMLServing: with gRPC on, it adds these REST addresses to Kestrel's own endpoints.
        var builder = LocalKestrel.CreateBuilder(root, $"http://{host}:{port}");
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None); // start failures are rethrown and reported once, without a stack
        builder.AddRepoMLServing(options, ServingResolvers.Create(context, root, models));
        await using var app = builder.Build();
        app.MapRepoMLServing();
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (EndpointLoadException ex)
        {
            throw WorkflowException.Invalid(ex.Message, ex);
        }
        catch (IOException ex) when (ex is not (ArtifactCorruptException or ArtifactNotFoundException))
        {
            throw WorkflowException.Invalid($"cannot listen on {host}:{port}{(grpcPort is { } gp ? $" and {gp}" : "")}: {ex.Message}", ex);
        }

        var state = app.Services.GetRequiredService<EndpointHost>().State!;
        foreach (var failure in state.Failures)
        {
            // Name the deployment: a model's load error names only its file (model.onnx), and an endpoint may have many.
            var named = failure.Value.Contains($"deployment '{failure.Key}'", StringComparison.Ordinal);
            await context.Error.WriteLineAsync(named ? $"error: {failure.Value}" : $"error: deployment '{failure.Key}': {failure.Value}");
        }

        if (state.Deployments.Count == 0)
        {
            await app.StopAsync(CancellationToken.None);
            throw new WorkflowException(WorkflowFailure.Invalid, "no deployment could be served") { Reported = true };
        }

        var address = LocalKestrel.Address(app);
        var record = LocalEndpoints.Add(root, new LocalEndpoints.Entry(state.Settings.Name, address, Environment.ProcessId,
            Path.GetRelativePath(root, folder).Replace('\\', '/')));
        try
        {
            await ServeAsync(context, app, state, address, root, endpoint, cancellation);
        }
        finally
        {
            LocalEndpoints.Remove(record);
        }
    }

    private static async Task ServeAsync(WorkflowContext context, WebApplication app, LoadedEndpoint state, string address, string root, string endpoint,
        CancellationToken cancellation)
    {
        await context.Output.WriteLineAsync($"Serving endpoint '{state.Settings.Name}' on {address}");
        foreach (var deployment in state.Deployments.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var share = state.Router.Weights.GetValueOrDefault(deployment.Name);
            var mirror = state.Settings.MirrorTraffic.GetValueOrDefault(deployment.Name);
            var source = deployment.Scorer is { } scorer
                ? $"custom scorer {scorer.TypeName} ({Path.GetRelativePath(root, scorer.Source.Path)})"
                : Path.GetRelativePath(root, deployment.ModelPath);
            await context.Output.WriteLineAsync($"  {deployment.Name}: {share} % traffic{(mirror > 0 ? $", {mirror} % mirrored" : "")} " +
                $"← {source} ({deployment.LoadTime.TotalMilliseconds:F0} ms to load)");
        }

        if (state.Settings.RequiresKey)
        {
            await context.Output.WriteLineAsync($"  auth: key (send 'Authorization: Bearer <key>'; see 'repoml endpoint keys {endpoint}')");
        }

        if (app.Services.GetService<GrpcEndpoint>() is { } grpc)
        {
            await context.Output.WriteLineAsync($"  gRPC (v2 inference protocol, h2c): {grpc.Address}");
        }

        await context.Output.WriteLineAsync($"  POST {address}/score · {address}/v2/models/{state.Settings.Name}/infer · GET " +
            $"/swagger.json /metrics /health/ready — Ctrl+C stops");
        await context.Output.FlushAsync(CancellationToken.None);
        // Ctrl+C reaches us as cancellation; SIGTERM (docker stop, kill) reaches the host's console lifetime.
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellation.Register(() => stopping.TrySetResult()))
        using (app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
        {
            await stopping.Task;
        }

        // A graceful stop drains requests and flushes collected data.
        await app.StopAsync(CancellationToken.None);
        await context.Output.WriteLineAsync("Stopped.");
    }
}
