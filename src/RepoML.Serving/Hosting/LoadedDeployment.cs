namespace RepoML.Serving.Hosting;

/// <summary>
/// One deployment with its model loaded: in ONNX Runtime (the built-in scorer) or by a custom .NET scorer. Requests
/// hold a lease while they use it; a deployment removed by a reload is retired and its native session is freed (or
/// its custom scorer disposed and unloaded) only when the last lease is returned, so no in-flight request fails.
/// </summary>
public sealed class LoadedDeployment
{
    private readonly Lock gate = new();
    private readonly OnnxServingSession? session;
    private readonly TableModel? table;
    private readonly RowBatcher? batcher;
    private int leases;
    private bool retired;
    private bool disposed;

    /// <param name="observeRun">Told how many requests each model run served (coalescing), for the metrics.</param>
    public LoadedDeployment(DeploymentSettings settings, string modelPath, string fingerprint, OnnxServingSession session,
        ServingOptions options, Action<double>? observeRun = null)
    {
        Settings = settings;
        ModelPath = modelPath;
        Fingerprint = fingerprint;
        this.session = session;
        table = new TableModel(session);
        batcher = new RowBatcher(table, options.MaxBatchRows, options.CoalesceRequests, options.ConcurrentRuns, observeRun);
        Gate = new RequestGate(settings.MaxConcurrentRequests, settings.QueueLimit);
    }

    /// <summary>A deployment served by a custom .NET scorer.</summary>
    /// <param name="modelDirectory">The folder the scorer's <c>Init</c> received ("" without a model).</param>
    public LoadedDeployment(DeploymentSettings settings, string modelDirectory, string fingerprint, CustomScorer scorer)
    {
        Settings = settings;
        ModelPath = modelDirectory;
        Fingerprint = fingerprint;
        Scorer = scorer;
        Gate = new RequestGate(settings.MaxConcurrentRequests, settings.QueueLimit);
    }

    public string Name => Settings.Name;

    public DeploymentSettings Settings { get; }

    public string ModelPath { get; }

    /// <summary>Settings and model file identity: a reload keeps a deployment whose fingerprint is unchanged.</summary>
    public string Fingerprint { get; }

    /// <summary>The custom scorer serving this deployment; null when ONNX Runtime serves it.</summary>
    public CustomScorer? Scorer { get; }

    /// <summary>The ONNX Runtime session. Only for deployments without a <see cref="Scorer"/>: check that first.</summary>
    public OnnxServingSession Session => session ?? throw NotOnnx();

    /// <summary>The model's table view (for /score). Only for deployments without a <see cref="Scorer"/>.</summary>
    public TableModel Table => table ?? throw NotOnnx();

    /// <summary>Coalesces /score rows into ONNX Runtime runs. Only for deployments without a <see cref="Scorer"/>.</summary>
    public RowBatcher Batcher => batcher ?? throw NotOnnx();

    /// <summary>How long loading took: the ONNX session, or the custom scorer's load and Init (its build not included).</summary>
    public TimeSpan LoadTime => session?.LoadTime ?? Scorer?.LoadTime ?? TimeSpan.Zero;

    public RequestGate Gate { get; }

    /// <summary>What this deployment serves (model, resolved version, digest of the loaded bytes, when).</summary>
    public ServedModel? Served { get; init; }

    /// <summary>The model version shown by the v2 protocol: the version the reference resolved to, else "1".</summary>
    public string ModelVersion => Served?.Version ?? VersionOf(Settings);

    /// <summary>The version a deployment file pins (<c>azureml:credit:2</c> → "2"), else "1".</summary>
    public static string VersionOf(DeploymentSettings settings) => settings.ModelIsInlinePath || settings.Model is null ? "1"
        : settings.Model.Split(':') is [_, _, { Length: > 0 } version, ..] ? version : "1";

    public bool TryAcquire()
    {
        lock (gate)
        {
            if (retired)
            {
                return false;
            }

            leases++;
            return true;
        }
    }

    public void Release()
    {
        lock (gate)
        {
            leases--;
            if (!retired || leases > 0 || disposed)
            {
                return;
            }

            disposed = true;
        }

        DisposeCore();
    }

    /// <summary>No new leases; the model is freed once in-flight requests are done.</summary>
    public void Retire()
    {
        lock (gate)
        {
            retired = true;
            if (leases > 0 || disposed)
            {
                return;
            }

            disposed = true;
        }

        DisposeCore();
    }

    private void DisposeCore()
    {
        session?.Dispose();
        Scorer?.Dispose();
        Gate.Dispose();
    }

    private InvalidOperationException NotOnnx() => new($"deployment '{Name}' is served by the custom scorer {Scorer?.TypeName}, not by ONNX Runtime");
}
