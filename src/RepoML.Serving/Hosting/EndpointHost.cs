using System.Text.Json;
using Microsoft.Extensions.Logging;
using RepoML.Core.Scoring;
using RepoML.Core.Serving;
using RepoML.Core.Specs;
using RepoML.Onnx;

namespace RepoML.Serving.Hosting;

/// <summary>
/// Owns what is served: loads the endpoint folder, and on reload builds a new <see cref="EndpointState"/> that
/// reuses unchanged deployments, loads new or changed ones, swaps it in atomically and retires the rest.
/// </summary>
public sealed class EndpointHost(ServingOptions options, IDeploymentModelResolver resolver, ServingMetrics metrics, ILogger<EndpointHost> logger) : IDisposable
{
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile EndpointState? state;

    public ServingOptions Options { get; } = options;

    /// <summary>The current snapshot; null before the first load succeeded.</summary>
    public EndpointState? State => state;

    /// <summary>(Re)reads the endpoint files and applies them. On a broken file the previous state stays.</summary>
    /// <exception cref="EndpointLoadException">The files are invalid (the previous state, if any, is kept).</exception>
    public async Task<EndpointState> ReloadAsync(CancellationToken cancellation)
    {
        await reloading.WaitAsync(cancellation);
        try
        {
            var (endpoint, specs) = EndpointFiles.Read(Options.EndpointFolder, Options.WorkspaceRoot);
            var settings = ServingSpecReader.ReadEndpoint(endpoint);
            var previous = state;
            var loaded = new Dictionary<string, LoadedDeployment>(StringComparer.Ordinal);
            var failures = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var spec in specs)
            {
                var deployment = ServingSpecReader.ReadDeployment(spec);
                try
                {
                    loaded[deployment.Name] = await LoadAsync(spec, deployment, previous, cancellation);
                }
                catch (Exception ex) when (ex is ModelResolutionException or ScoringInputException)
                {
                    failures[deployment.Name] = ex.Message;
                    logger.LogError("deployment {Deployment} not loaded: {Reason}", deployment.Name, ex.Message);
                }
            }

            var next = new EndpointState(settings, loaded, failures);
            state = next;
            foreach (var old in previous?.Deployments.Values ?? [])
            {
                if (!loaded.TryGetValue(old.Name, out var kept) || !ReferenceEquals(kept, old))
                {
                    old.Retire();
                }
            }

            metrics.Reloads.WithLabels("applied").Inc();
            logger.LogInformation("endpoint {Endpoint}: serving {Deployments}; traffic {Traffic}", settings.Name,
                string.Join(", ", loaded.Keys), string.Join(", ", next.Router.Weights.Select(w => $"{w.Key} {w.Value}%")));
            return next;
        }
        catch (EndpointLoadException ex)
        {
            metrics.Reloads.WithLabels("rejected").Inc();
            logger.LogError("endpoint files not applied: {Reason}", ex.Message);
            throw;
        }
        finally
        {
            reloading.Release();
        }
    }

    public void Dispose()
    {
        foreach (var deployment in state?.Deployments.Values ?? [])
        {
            deployment.Retire();
        }

        reloading.Dispose();
    }

    private async Task<LoadedDeployment> LoadAsync(SpecFile spec, DeploymentSettings settings, EndpointState? previous, CancellationToken cancellation)
    {
        if (settings.ScoringScript is { } script)
        {
            throw new ModelResolutionException(script.EndsWith(".py", StringComparison.OrdinalIgnoreCase)
                ? $"deployment '{settings.Name}' runs the Python scoring script '{script}', which needs the container target (repoml package); the local server scores ONNX models with its built-in scorer: remove code_configuration to use it"
                : $"deployment '{settings.Name}': custom scorer '{script}' is not supported by the local server yet; remove code_configuration to use the built-in ONNX scorer");
        }

        var path = ModelFile(await resolver.ResolveAsync(spec, settings, cancellation) ?? throw new ModelResolutionException($"deployment '{settings.Name}': no model"), settings.Name);
        var file = new FileInfo(path);
        var fingerprint = JsonSerializer.Serialize(new { settings, path, file.Length, file.LastWriteTimeUtc });
        if (previous?.Deployments.GetValueOrDefault(settings.Name) is { } existing && existing.Fingerprint == fingerprint)
        {
            return existing;
        }

        var session = OnnxServingSession.Load(path);
        metrics.ModelLoad.WithLabels(settings.Name).Set(session.LoadTime.TotalSeconds);
        logger.LogInformation("deployment {Deployment}: loaded {Model} in {Ms:F1} ms", settings.Name, path, session.LoadTime.TotalMilliseconds);
        return new LoadedDeployment(settings, path, fingerprint, session, Options, metrics.RunSizes.WithLabels(settings.Name).Observe);
    }

    /// <summary>A model folder holds model.onnx (as `repoml train` writes it) or exactly one .onnx file.</summary>
    private static string ModelFile(string path, string deployment)
    {
        if (File.Exists(path))
        {
            return path;
        }

        if (Directory.Exists(path))
        {
            var named = Path.Combine(path, "model.onnx");
            if (File.Exists(named))
            {
                return named;
            }

            var onnx = Directory.GetFiles(path, "*.onnx");
            return onnx.Length == 1 ? onnx[0] : throw new ModelResolutionException($"deployment '{deployment}': {path} holds {onnx.Length} .onnx files and no model.onnx");
        }

        throw new ModelResolutionException($"deployment '{deployment}': model {path} does not exist");
    }
}
