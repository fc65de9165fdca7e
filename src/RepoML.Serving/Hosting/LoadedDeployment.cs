using RepoML.Core.Serving;
using RepoML.Onnx;
using RepoML.Serving.Scoring;

namespace RepoML.Serving.Hosting;

/// <summary>
/// One deployment with its model loaded. Requests hold a lease while they use it; a deployment removed by a reload
/// is retired and its native session is freed only when the last lease is returned, so no in-flight request fails.
/// </summary>
public sealed class LoadedDeployment
{
    private readonly Lock gate = new();
    private int leases;
    private bool retired;
    private bool disposed;

    /// <param name="observeRun">Told how many requests each model run served (coalescing), for the metrics.</param>
    public LoadedDeployment(DeploymentSettings settings, string modelPath, string fingerprint, OnnxServingSession session, ServingOptions options, Action<double>? observeRun = null)
    {
        Settings = settings;
        ModelPath = modelPath;
        Fingerprint = fingerprint;
        Session = session;
        Table = new TableModel(session);
        Batcher = new RowBatcher(Table, options.MaxBatchRows, options.CoalesceRequests, observeRun);
        Gate = new RequestGate(settings.MaxConcurrentRequests, settings.QueueLimit);
    }

    public string Name => Settings.Name;

    public DeploymentSettings Settings { get; }

    public string ModelPath { get; }

    /// <summary>Settings and model file identity: a reload keeps a deployment whose fingerprint is unchanged.</summary>
    public string Fingerprint { get; }

    public OnnxServingSession Session { get; }

    public TableModel Table { get; }

    public RowBatcher Batcher { get; }

    public RequestGate Gate { get; }

    /// <summary>The model version shown by the v2 protocol: the reference's version, else "1".</summary>
    public string ModelVersion => Settings.ModelIsInlinePath || Settings.Model is null ? "1"
        : Settings.Model.Split(':') is [_, _, { Length: > 0 } version, ..] ? version : "1";

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
        Session.Dispose();
        Gate.Dispose();
    }
}
