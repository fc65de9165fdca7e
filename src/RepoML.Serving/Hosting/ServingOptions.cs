using Microsoft.Extensions.Configuration;

namespace RepoML.Serving.Hosting;

/// <summary>How one server process serves one online endpoint folder.</summary>
public sealed class ServingOptions
{
    private readonly string? scorersFolder;

    /// <summary>The endpoint folder (holding endpoint.yml and its deployment files), absolute.</summary>
    public required string EndpointFolder { get; init; }

    /// <summary>The workspace root: spec paths are relative to it, and .repoml/ (keys, collected data) lives in it.</summary>
    public required string WorkspaceRoot { get; init; }

    /// <summary>Deployment name → model file or folder, taking precedence over the deployment's <c>model</c>.</summary>
    public IReadOnlyDictionary<string, string> ModelOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Whether to watch the endpoint files and re-apply them while serving.</summary>
    public bool WatchFiles { get; init; } = true;

    /// <summary>Quiet time after the last file change before reloading (editors write files in several steps).</summary>
    public TimeSpan ReloadDebounce { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether concurrent single-row /score requests are coalesced into one ONNX Runtime run.</summary>
    public bool CoalesceRequests { get; init; } = true;

    /// <summary>
    /// Coalesced runs of one deployment that may go at once, each on one intra-op thread; default: one per core. Extra
    /// runs start only for models whose runs are long (see <see cref="Scoring.RowBatcher"/>).
    /// </summary>
    public int ConcurrentRuns { get; init; } = DefaultConcurrentRuns;

    /// <summary>One per core.</summary>
    public static int DefaultConcurrentRuns => Environment.ProcessorCount;

    /// <summary>Rows one coalesced run may hold.</summary>
    public int MaxBatchRows { get; init; } = 256;

    /// <summary>Where data collection writes; default <c>.repoml/collected</c> under the workspace root.</summary>
    public string CollectedFolder => Path.Combine(WorkspaceRoot, ".repoml", "collected");

    /// <summary>Where endpoint keys are kept (git-ignored): <c>.repoml/keys</c> under the workspace root.</summary>
    public string KeysFolder => Path.Combine(WorkspaceRoot, ".repoml", "keys");

    /// <summary>The build cache of custom scorer projects; default <c>.repoml/scorers</c> under the workspace root.</summary>
    public string ScorersFolder
    {
        get => scorersFolder ?? Path.Combine(WorkspaceRoot, ".repoml", "scorers");
        init => scorersFolder = value;
    }

    /// <summary>The <c>dotnet</c> that builds custom scorer projects; default: the one running this host, else <c>dotnet</c> on the PATH.</summary>
    public string? DotnetPath { get; init; }

    /// <summary>
    /// Reads <c>RepoML:Endpoint</c>, <c>RepoML:WorkspaceRoot</c> (default: the endpoint's grandparent folder),
    /// <c>RepoML:Models:&lt;deployment&gt;</c> and <c>RepoML:Watch</c> from configuration (command line, environment, test hosts).
    /// </summary>
    public static ServingOptions FromConfiguration(IConfiguration configuration)
    {
        var endpoint = configuration["RepoML:Endpoint"]
            ?? throw new InvalidOperationException("set RepoML:Endpoint (e.g. --RepoML:Endpoint endpoints/credit) to the endpoint folder to serve");
        var folder = Path.GetFullPath(endpoint);
        var root = configuration["RepoML:WorkspaceRoot"] is { Length: > 0 } r ? Path.GetFullPath(r) : Path.GetFullPath(Path.Combine(folder, "..",
            ".."));
        return new ServingOptions
        {
            EndpointFolder = folder,
            WorkspaceRoot = root,
            ModelOverrides = configuration.GetSection("RepoML:Models").GetChildren().ToDictionary(c => c.Key, c => c.Value ?? "",
                StringComparer.Ordinal),
            WatchFiles = !string.Equals(configuration["RepoML:Watch"], "false", StringComparison.OrdinalIgnoreCase),
            CoalesceRequests = !string.Equals(configuration["RepoML:Coalesce"], "false", StringComparison.OrdinalIgnoreCase),
            ConcurrentRuns = int.TryParse(configuration["RepoML:ConcurrentRuns"], out var runs) && runs > 0 ? runs : DefaultConcurrentRuns,
        };
    }
}
