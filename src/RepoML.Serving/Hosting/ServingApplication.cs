using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using RepoML.Core.Serving;
using RepoML.Serving.Apis;
using RepoML.Serving.Collection;
using RepoML.Serving.CustomScorers;
using RepoML.Serving.Grpc;
using RepoML.Serving.Models;
using RepoML.Serving.Security;

namespace RepoML.Serving.Hosting;

/// <summary>Composes the scoring server: services for one endpoint, then its routes. Used by Program.cs and by <c>repoml serve</c>.</summary>
public static class ServingApplication
{
    private const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

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
        // The hosting layer starts an Activity and a logging scope for every request as soon as any of its log
        // levels is on; its request logs are not wanted here, and skipping both is ~3 µs a scoring request.
        builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // A backstop: the scoring routes hold bodies to the limit themselves as they read them (413). Not with gRPC on:
            // on HTTP/2 Kestrel counts a stream's bytes as they arrive, before gRPC can lift it for its own message limit.
            kestrel.Limits.MaxRequestBodySize = options.GrpcUrl is null ? options.MaxRequestBodyBytes + 1 : null;
            kestrel.AddServerHeader = false;
        });
        if (options.GrpcUrl is { } grpcUrl)
        {
            services.AddSingleton(ServingListeners.AddGrpcListener(builder, grpcUrl));
            services.AddSingleton<GrpcKeyInterceptor>();
            services.AddGrpc(grpc =>
            {
                // The REST body limit, as gRPC's message limit (RESOURCE_EXHAUSTED beyond it).
                grpc.MaxReceiveMessageSize = (int)Math.Min(options.MaxRequestBodyBytes, int.MaxValue);
                grpc.Interceptors.Add<GrpcMessageReadInterceptor>();
                grpc.Interceptors.Add<GrpcKeyInterceptor>();
            });
        }

        return builder;
    }

    /// <summary>Maps probes, /score, /swagger.json, the v2 protocol (and its gRPC service, when configured) and /metrics.</summary>
    public static WebApplication MapRepoMLServing(this WebApplication app)
    {
        // Unhandled errors become a bare 500 problem in every environment: no developer page, no stack trace; empty
        // error answers get a problem body. The scoring routes answer every error with a problem of their own
        // (ScoringExecutor), so they skip both middlewares, ~3.5 µs a request on their hot path.
        // gRPC answers its own errors as status codes.
        app.UseWhen(http => !ScoringExecutor.IsScoringPath(http.Request.Path) && !IsGrpc(http.Request), errors =>
        {
            errors.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = _ => StatusCodes.Status500InternalServerError });
            errors.UseStatusCodePages();
        });
        app.MapHealthApi();
        app.MapScoreApi();
        app.MapInferenceApi();
        app.MapMetrics("/metrics", app.Services.GetRequiredService<ServingMetrics>().Registry);
        if (app.Services.GetService<GrpcEndpoint>() is not null)
        {
            app.UseWhen(http => IsGrpc(http.Request), grpc => grpc.UseGrpcMalformedMessageStatus());
            app.MapGrpcService<GrpcInferenceService>();
        }

        return app;
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
