using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using RepoML.Serving.Collection;
using RepoML.Serving.Models;

namespace RepoML.Serving.Hosting;

/// <summary>Composes the scoring server: services for one endpoint, then its routes. Used by Program.cs and by <c>repoml serve</c>.</summary>
public static class ServingApplication
{
    private const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Registers the server's services. Without <paramref name="resolver"/>, models come from overrides and inline paths.</summary>
    public static WebApplicationBuilder AddRepoMLServing(this WebApplicationBuilder builder, ServingOptions options,
        IDeploymentModelResolver? resolver = null)
    {
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(resolver ?? CompositeModelResolver.Default(options.ModelOverrides, options.WorkspaceRoot,
            Directory.GetCurrentDirectory()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ServingMetrics>();
        services.AddSingleton<CustomScorerLoader>();
        services.AddSingleton<EndpointHost>();
        services.AddSingleton<MirrorDispatcher>();
        services.AddSingleton<ScoringExecutor>();
        services.AddSingleton(new ApiKeyStore(options.KeysFolder));
        services.AddSingleton<KeyAuthorizationFilter>();
        services.AddSingleton<DataCollector>();
        // Data collection stops after the endpoint (hosted services stop in reverse order), so it drains last.
        services.AddHostedService(sp => sp.GetRequiredService<DataCollector>());
        services.AddHostedService<EndpointLifecycle>();
        services.AddProblemDetails();
        // The hosting layer starts an Activity and a logging scope for every request as soon as any of its log
        // levels is on; its request logs are not wanted here, and skipping both is ~3 µs a scoring request.
        builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes + 1;
            kestrel.AddServerHeader = false;
        });
        return builder;
    }

    /// <summary>Maps probes, /score, /swagger.json, the v2 protocol and /metrics.</summary>
    public static WebApplication MapRepoMLServing(this WebApplication app)
    {
        // Unhandled errors become a bare 500 problem in every environment: no developer page, no stack trace; empty
        // error answers get a problem body. The scoring routes answer every error with a problem of their own
        // (ScoringExecutor), so they skip both middlewares, ~3.5 µs a request on their hot path.
        app.UseWhen(http => !ScoringExecutor.IsScoringPath(http.Request.Path), errors =>
        {
            errors.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = _ => StatusCodes.Status500InternalServerError });
            errors.UseStatusCodePages();
        });
        app.MapHealthApi();
        app.MapScoreApi();
        app.MapInferenceApi();
        app.MapMetrics("/metrics", app.Services.GetRequiredService<ServingMetrics>().Registry);
        return app;
    }
}
