using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using RepoML.Core.Serving;
using RepoML.Serving.Apis;
using RepoML.Serving.Collection;
using RepoML.Serving.CustomScorers;
using RepoML.Serving.Models;
using RepoML.Serving.Security;

namespace RepoML.Serving.Hosting;

/// <summary>Composes the scoring server: services for one endpoint, then its routes. Used by Program.cs and by <c>repoml serve</c>.</summary>
public static class ServingApplication
{
    /// <summary>Registers the server's services. Without <paramref name="resolver"/>, models come from overrides and inline paths.</summary>
    public static WebApplicationBuilder AddRepoMLServing(this WebApplicationBuilder builder, ServingOptions options, IDeploymentModelResolver? resolver = null)
    {
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(resolver ?? CompositeModelResolver.Default(options.ModelOverrides, options.WorkspaceRoot, Directory.GetCurrentDirectory()));
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
        // Unhandled errors become a bare 500 problem in every environment: no developer page, no stack trace.
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = _ => StatusCodes.Status500InternalServerError });
        app.UseStatusCodePages();
        app.MapHealthApi();
        app.MapScoreApi();
        app.MapInferenceApi();
        app.MapMetrics("/metrics", app.Services.GetRequiredService<ServingMetrics>().Registry);
        return app;
    }
}
