using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RepoML.Workflows.Serving;
using RepoML.Workflows.Disk;
using RepoML.Serving.Hosting;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml serve endpoints/NAME</c>: serves an online endpoint locally on Kestrel until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = new Argument<string>("endpoint") { Description = "The online endpoint folder (endpoint.yml and its deployment files), e.g. endpoints/credit." };
        var port = new Option<int>("--port", "-p") { Description = "TCP port (0 picks a free one).", DefaultValueFactory = _ => 5001 };
        var host = new Option<string>("--host") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var model = new Option<string[]>("--model", "-m") { Description = "DEPLOYMENT=PATH: serve this model file or folder for a deployment (repeatable).", AllowMultipleArgumentsPerToken = false };
        var noWatch = new Option<bool>("--no-watch") { Description = "Do not re-apply the endpoint files when they change." };
        var noCoalesce = new Option<bool>("--no-coalesce") { Description = "Run each /score request on its own instead of coalescing concurrent ones." };
        var runs = new Option<int>("--concurrent-runs") { Description = "Coalesced model runs per deployment at once, for models whose runs are long (default: one per core).", DefaultValueFactory = _ => ServingOptions.DefaultConcurrentRuns };
        runs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--concurrent-runs must be at least 1");
            }
        });
        var command = new Command("serve", "Serve an online endpoint locally: /score, the v2 inference protocol, probes and /metrics.") { endpoint, port, host, model, noWatch, noCoalesce, runs };
        command.SetAction((parse, cancellation) => RunAsync(
            context, parse.GetValue(endpoint)!, parse.GetValue(host)!, parse.GetValue(port), ModelOverrides.Parse(context, parse.GetValue(model)),
            !parse.GetValue(noWatch), !parse.GetValue(noCoalesce), parse.GetValue(runs), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string endpoint, string host, int port, IReadOnlyDictionary<string, string> models, bool watch, bool coalesce, int runs, CancellationToken cancellation)
    {
        var folder = context.FullPath(endpoint);
        var root = WorkspaceRoot.Find(folder);
        var options = new ServingOptions { EndpointFolder = folder, WorkspaceRoot = root, ModelOverrides = models, WatchFiles = watch, CoalesceRequests = coalesce, ConcurrentRuns = runs };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Production", Args = [] });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.AddRepoMLServing(options, ServingResolvers.Create(context, root, models));
        builder.WebHost.UseUrls($"http://{host}:{port}");
        await using var app = builder.Build();
        app.MapRepoMLServing();
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (EndpointLoadException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return (int)ExitCode.Invalid;
        }
        catch (IOException ex)
        {
            await context.Error.WriteLineAsync($"error: cannot listen on {host}:{port}: {ex.Message}");
            return (int)ExitCode.Invalid;
        }

        var state = app.Services.GetRequiredService<EndpointHost>().State!;
        foreach (var failure in state.Failures)
        {
            await context.Error.WriteLineAsync($"error: {failure.Value}");
        }

        if (state.Deployments.Count == 0)
        {
            await app.StopAsync(CancellationToken.None);
            return (int)ExitCode.Invalid;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await context.Output.WriteLineAsync($"Serving endpoint '{state.Settings.Name}' on {address}");
        foreach (var deployment in state.Deployments.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var share = state.Router.Weights.GetValueOrDefault(deployment.Name);
            var mirror = state.Settings.MirrorTraffic.GetValueOrDefault(deployment.Name);
            var source = deployment.Scorer is { } scorer
                ? $"custom scorer {scorer.TypeName} ({Path.GetRelativePath(root, scorer.Source.Path)})"
                : Path.GetRelativePath(root, deployment.ModelPath);
            await context.Output.WriteLineAsync($"  {deployment.Name}: {share} % traffic{(mirror > 0 ? $", {mirror} % mirrored" : "")} ← {source} ({deployment.LoadTime.TotalMilliseconds:F0} ms to load)");
        }

        if (state.Settings.RequiresKey)
        {
            await context.Output.WriteLineAsync($"  auth: key (send 'Authorization: Bearer <key>'; see 'repoml endpoint keys {endpoint}')");
        }

        await context.Output.WriteLineAsync($"  POST {address}/score · {address}/v2/models/{state.Settings.Name}/infer · GET /swagger.json /metrics /health/ready — Ctrl+C stops");
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
        return (int)ExitCode.Success;
    }
}
