using RepoML.Core.Naming;
using RepoML.Serving.Models;

namespace RepoML.Serving.Hosting;

/// <summary>
/// Owns what is served: loads the endpoint folder, and on reload builds a new <see cref="LoadedEndpoint"/> that
/// reuses unchanged deployments, loads new or changed ones, swaps it in atomically and retires the rest. A deployment
/// with <c>code_configuration</c> is served by its custom .NET scorer (<see cref="CustomScorerLoader"/>).
/// </summary>
public sealed class EndpointHost(ServingOptions options, IDeploymentModelResolver resolver, CustomScorerLoader scorers, ServingMetrics metrics,
    TimeProvider time, ILogger<EndpointHost> logger) : IDisposable
{
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile LoadedEndpoint? state;

    public ServingOptions Options { get; } = options;

    /// <summary>The current snapshot; null before the first load succeeded.</summary>
    public LoadedEndpoint? State => state;

    /// <summary>(Re)reads the endpoint files and applies them. On a broken file the previous state stays.</summary>
    /// <exception cref="EndpointLoadException">The files are invalid (the previous state, if any, is kept).</exception>
    public async Task<LoadedEndpoint> ReloadAsync(CancellationToken cancellation)
    {
        await reloading.WaitAsync(cancellation);
        try
        {
            var (endpoint, specs) = EndpointFiles.Read(Options.EndpointFolder, Options.WorkspaceRoot, validate: true);
            var settings = ServingSpecReader.ReadEndpoint(endpoint);
            if (NameGate.Problem(settings.Name, NameKind.Segment) is { } unsafeEndpoint)
            {
                throw new EndpointLoadException($"{endpoint.Path}: endpoint name '{NameGate.Printable(settings.Name)}' {unsafeEndpoint}");
            }

            var previous = state;
            var loaded = new Dictionary<string, LoadedDeployment>(StringComparer.Ordinal);
            var failures = new Dictionary<string, string>(StringComparer.Ordinal);
            var scorerSources = new List<ScorerSource>();
            foreach (var spec in specs)
            {
                var deployment = ServingSpecReader.ReadDeployment(spec);
                try
                {
                    // The name becomes paths (collected data, model copies) and response headers: it passes the name gate first.
                    NameGate.Check(deployment.Name, NameKind.Segment, $"deployment name in {spec.Path}");
                    var source = ScorerSourceOf(spec, deployment);
                    if (source is not null)
                    {
                        scorerSources.Add(source);
                    }

                    loaded[deployment.Name] = await LoadAsync(spec, deployment, source, previous, cancellation);
                }
                catch (Exception ex) when (ex is ModelResolutionException or ScoringInputException or ScorerLoadException or UnsafeNameException)
                {
                    // A deployment that served before keeps serving its previous version: a broken edit of a model or
                    // scorer must not take down what worked. Readiness lists the failure either way.
                    if (previous?.Deployments.GetValueOrDefault(deployment.Name) is { } kept)
                    {
                        loaded[deployment.Name] = kept;
                        failures[deployment.Name] = $"{ex.Message} (the previous version keeps serving)";
                        logger.LogError("deployment {Deployment} not reloaded, its previous version keeps serving: {Reason}", deployment.Name,
                            ex.Message);
                    }
                    else
                    {
                        failures[deployment.Name] = ex.Message;
                        logger.LogError("deployment {Deployment} not loaded: {Reason}", deployment.Name, ex.Message);
                    }
                }
            }

            var outcome = failures.Count == 0 ? ReloadOutcomes.Applied : ReloadOutcomes.Failed;
            var next = new LoadedEndpoint(settings, loaded, failures, scorerSources) { ReloadedAt = time.GetUtcNow(), Outcome = outcome };
            state = next;
            foreach (var old in previous?.Deployments.Values ?? [])
            {
                if (!loaded.TryGetValue(old.Name, out var kept) || !ReferenceEquals(kept, old))
                {
                    old.Retire();
                }
            }

            // A reload that left any deployment on its previous model (or none) did not apply what the files say: counted as failed.
            metrics.Reloads.WithLabels(outcome).Inc();
            metrics.Observe(next);
            logger.LogInformation("endpoint {Endpoint}: serving {Deployments}; traffic {Traffic}", settings.Name,
                string.Join(", ", loaded.Keys), string.Join(", ", next.Router.Weights.Select(w => $"{w.Key} {w.Value}%")));
            return next;
        }
        catch (EndpointLoadException ex)
        {
            metrics.Reloads.WithLabels(ReloadOutcomes.Rejected).Inc();
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

    /// <summary>The checked code configuration of a deployment with a scoring script; null for the built-in scorer.</summary>
    private ScorerSource? ScorerSourceOf(SpecFile spec, DeploymentSettings settings) =>
        settings.ScoringScript is null ? null : ScorerSource.For(settings, Path.GetDirectoryName(Path.Combine(Options.WorkspaceRoot,
            spec.Path)) ?? Options.WorkspaceRoot);

    private async Task<LoadedDeployment> LoadAsync(SpecFile spec, DeploymentSettings settings, ScorerSource? source, LoadedEndpoint? previous,
        CancellationToken cancellation)
    {
        if (source is not null)
        {
            return await LoadCustomAsync(spec, settings, source, previous, cancellation);
        }

        var resolved = await resolver.ResolveModelAsync(spec, settings, cancellation)
            ?? throw new ModelResolutionException($"deployment '{settings.Name}': no model");
        var path = ModelFile(resolved.Path, settings.Name);
        var file = new FileInfo(path);
        var fingerprint = JsonSerializer.Serialize(new { settings, path, file.Length, file.LastWriteTimeUtc, resolved });
        if (previous?.Deployments.GetValueOrDefault(settings.Name) is { } existing && existing.Fingerprint == fingerprint)
        {
            return existing;
        }

        var served = Identify(resolved, settings);
        var session = OnnxServingSession.Load(path);
        metrics.ModelLoad.WithLabels(settings.Name).Set(session.LoadTime.TotalSeconds);
        logger.LogInformation("deployment {Deployment}: loaded {Model} in {Ms:F1} ms, {Folded} text encoder chain(s) folded", settings.Name,
            path, session.LoadTime.TotalMilliseconds, session.FoldedTextEncoders);
        return new LoadedDeployment(settings, path, fingerprint, session, Options, metrics.RunSizes.WithLabels(settings.Name).Observe)
        {
            Served = served,
        };
    }

    /// <summary>What the deployment will serve, its digest computed from the bytes; refused when they are not what the registry recorded.</summary>
    private ServedModel Identify(ResolvedDeploymentModel? resolved, DeploymentSettings settings)
    {
        string? digest = null;
        if (resolved is not null)
        {
            try
            {
                digest = ModelDigest.Compute(resolved.Path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ModelResolutionException($"deployment '{settings.Name}': cannot read {resolved.Path}: {ex.Message}");
            }

            if (resolved.Digest is { } expected && expected != digest)
            {
                throw new ModelResolutionException($"deployment '{settings.Name}': {resolved.Path} has digest {digest}, not {expected} as " +
                    $"registered for {resolved.Name}:{resolved.Version}; not served");
            }
        }

        return new ServedModel(resolved?.Name, resolved?.Version?.ToString(CultureInfo.InvariantCulture) ?? LoadedDeployment.VersionOf(settings),
            digest, time.GetUtcNow());
    }

    private async Task<LoadedDeployment> LoadCustomAsync(SpecFile spec, DeploymentSettings settings, ScorerSource source,
        LoadedEndpoint? previous, CancellationToken cancellation)
    {
        ResolvedDeploymentModel? resolved;
        try
        {
            resolved = await resolver.ResolveModelAsync(spec, settings, cancellation);
        }
        catch (ModelResolutionException) when (settings.Model is null)
        {
            resolved = null; // Azure ML allows a scoring script without a model.
        }

        var model = resolved?.Path;

        try
        {
            var folder = CustomScorerLoader.ModelDirectory(model);
            var code = scorers.Identify(source);
            var fingerprint = JsonSerializer.Serialize(new { settings, folder, model = ModelIdentity(model), code });
            if (previous?.Deployments.GetValueOrDefault(settings.Name) is { } existing && existing.Fingerprint == fingerprint)
            {
                return existing;
            }

            var served = Identify(resolved, settings);
            var scorer = await scorers.LoadAsync(source, code, folder, cancellation);
            metrics.ModelLoad.WithLabels(settings.Name).Set(scorer.LoadTime.TotalSeconds);
            logger.LogInformation("deployment {Deployment}: loaded scorer {Scorer} from {Script} in {Ms:F1} ms", settings.Name, scorer.TypeName,
                settings.ScoringScript, scorer.LoadTime.TotalMilliseconds);
            return new LoadedDeployment(settings, folder, fingerprint, scorer) { Served = served };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable code folder or a full disk under .repoml/scorers: this deployment's problem, not the server's.
            throw new ScorerLoadException($"deployment '{settings.Name}': {ex.Message}");
        }
    }

    /// <summary>A model's files, sizes and times: a changed model reloads the deployment.</summary>
    private static string[] ModelIdentity(string? path) => path switch
    {
        null => [],
        _ when File.Exists(path) => [$"{new FileInfo(path).Length}:{File.GetLastWriteTimeUtc(path).Ticks}"],
        _ when Directory.Exists(path) => [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(path, f)}:{new FileInfo(f).Length}:{File.GetLastWriteTimeUtc(f).Ticks}")],
        _ => [],
    };

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
            return onnx.Length == 1 ? onnx[0] : throw new
                ModelResolutionException($"deployment '{deployment}': {path} holds {onnx.Length} .onnx files and no model.onnx");
        }

        throw new ModelResolutionException($"deployment '{deployment}': model {path} does not exist");
    }
}
