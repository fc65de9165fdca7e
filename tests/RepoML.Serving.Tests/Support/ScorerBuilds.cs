namespace RepoML.Serving.Tests.Support;

/// <summary>
/// The test scorer projects (tests/TestData/scorers), each built once with the real <c>dotnet build</c> into a cache
/// folder that the tests' servers share: a server loading an unchanged copy of a project finds it built.
/// </summary>
public sealed class ScorerBuilds : IAsyncLifetime
{
    private readonly TempFolder cache = new("scorers");

    public string CacheFolder => cache.Path;

    /// <summary>IrisOnnxScorer: ONNX Runtime in Init, {"data": [[…]]} → {"predictions": […]}.</summary>
    public ScorerBuild Iris { get; private set; } = null!;

    /// <summary>FailingScorer: RunAsync always throws; Init throws when the model folder holds init-fails.txt.</summary>
    public ScorerBuild Failing { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new ScorerProjectBuilder(CacheFolder, DotnetCli.FromEnvironment(Environment.GetEnvironmentVariable));
        Iris = await BuildAsync(builder, "IrisOnnxScorer");
        Failing = await BuildAsync(builder, "FailingScorer");
    }

    /// <summary>A test scorer project folder under tests/TestData/scorers (IrisOnnxScorer, FailingScorer).</summary>
    public static string Project(string name) => Path.Combine(TestData.Folder, "scorers", name);

    /// <summary>Server options using this cache (for <see cref="KestrelServer.StartAsync"/>).</summary>
    public ServingOptions Options(ServingOptions options) => new()
    {
        EndpointFolder = options.EndpointFolder,
        WorkspaceRoot = options.WorkspaceRoot,
        ReloadDebounce = options.ReloadDebounce,
        ScorersFolder = CacheFolder,
    };

    public Task DisposeAsync()
    {
        cache.Dispose();
        return Task.CompletedTask;
    }

    private static Task<ScorerBuild> BuildAsync(ScorerProjectBuilder builder, string name)
    {
        var folder = ScorerBuilds.Project(name);
        var source = new ScorerSource("fixture", folder, $"{name}.csproj", Path.Combine(folder, $"{name}.csproj"), IsProject: true);
        return builder.BuildAsync(source, builder.DigestOf(source), RepositoryRoot.Path, CancellationToken.None);
    }
}
