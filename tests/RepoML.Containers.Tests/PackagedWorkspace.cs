using System.Diagnostics;
using System.Text.Json;
using RepoML.Cli;

namespace RepoML.Containers.Tests;

/// <summary>
/// A temp Git repository holding the sample credit endpoint (blue only), the serving environment and a tiny model
/// trained by <c>repoml train</c>, committed at a fixed time; the base image prepared and a local registry started
/// once; blue packaged once into the default output (and pushed). Shared by the end-to-end tests.
/// </summary>
public sealed class PackagedWorkspace : IAsyncLifetime
{
    /// <summary>Container tool state (containers.conf) shared between runs.</summary>
    public static readonly string CacheFolder = Path.Combine(Path.GetTempPath(), "repoml-containers-tests");

    private readonly TempFolder folder = new("package");

    public string Root => folder.Path;

    public int RegistryPort { get; } = FreePort.Pick();

    public JsonElement First { get; private set; }

    public string Log => log.ToString();

    private readonly StringWriter log = new();

    public async Task InitializeAsync()
    {
        if (new ContainerFactAttribute().Skip is not null)
        {
            return;
        }

        var repo = RepositoryRoot.Path;
        Directory.CreateDirectory(Path.Combine(Root, "endpoints", "credit"));
        foreach (var file in new[] { "endpoint.yml", "blue.yml", "sample-request.json" })
        {
            File.Copy(Path.Combine(repo, "endpoints", "credit", file), Path.Combine(Root, "endpoints", "credit", file));
        }

        // The sample endpoint splits traffic with green; this workspace packages blue alone.
        File.WriteAllText(Path.Combine(Root, "endpoints", "credit", "endpoint.yml"),
            File.ReadAllText(Path.Combine(Root, "endpoints", "credit", "endpoint.yml")).Replace("  blue: 90\n  green: 10\n", "  blue: 100\n",
                StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(Root, "environments", "onnx-serving"));
        File.Copy(Path.Combine(repo, "environments", "onnx-serving.yml"), Path.Combine(Root, "environments", "onnx-serving.yml"));
        File.Copy(Path.Combine(repo, "environments", "onnx-serving", "Dockerfile"), Path.Combine(Root, "environments", "onnx-serving", "Dockerfile"));
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        File.Copy(Path.Combine(repo, "data", "credit", "credit.csv"), Path.Combine(Root, "data", "credit.csv"));
        File.WriteAllText(Path.Combine(Root, ".gitignore"), ".repoml/\n");
        Git("init", "--quiet", "--initial-branch=main");
        await Cli("train", "--data", "data/credit.csv", "--label", "class", "--task", "binary", "--trainer", "linear", "--out", "model");
        Git("add", "-A");
        Git("-c", "user.name=RepoML Tests", "-c", "user.email=tests@repoml.invalid", "commit", "--quiet", "-m", "sample credit endpoint");

        await Cli("base-image", "prepare", "--registry-port", RegistryPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        First = await PackageAsync("--registry", $"127.0.0.1:{RegistryPort}/tests");
    }

    public async Task DisposeAsync()
    {
        // Nothing was started where the container tools are missing (the tests are skipped there).
        if (new ContainerFactAttribute().Skip is null && Directory.Exists(Path.Combine(Root, "endpoints")))
        {
            await Cli("deploy", "endpoints/credit", "--down");
            await Cli("base-image", "stop-registry", "--registry-port", RegistryPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        folder.Dispose();
    }

    /// <summary>
    /// Adds endpoints/iris: deployment blue served by a copy of the test scorer project IrisOnnxScorer
    /// (tests/TestData/scorers) with the iris model, and a one-row sample request.
    /// </summary>
    public void AddIrisScorerEndpoint()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, "endpoints", "iris")).FullName;
        var scorer = Directory.CreateDirectory(Path.Combine(folder, "scorer")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "tests", "TestData", "scorers", "IrisOnnxScorer")))
        {
            File.Copy(file, Path.Combine(scorer, Path.GetFileName(file)), overwrite: true);
        }

        Directory.CreateDirectory(Path.Combine(Root, "models", "iris"));
        File.Copy(TestModels.Iris, Path.Combine(Root, "models", "iris", "model.onnx"), overwrite: true);
        SampleSpecs.WriteIrisEndpoint(folder, "../../models/iris",
            "code_configuration:", "  code: ./scorer", "  scoring_script: IrisOnnxScorer.csproj", "environment: azureml:onnx-serving@latest");
        File.WriteAllText(Path.Combine(folder, "sample-request.json"), """{"data": [[5.1, 3.5, 1.4, 0.2]]}""");
    }

    /// <summary>Packages blue (the server this repoml carries, the trained model) and returns the JSON result.</summary>
    public async Task<JsonElement> PackageAsync(params string[] extra)
    {
        var output = await Cli(["package", "endpoints/credit", "--deployment", "blue", "--model", "model", "--report", "--output", "json",
            .. extra]);
        using var json = JsonDocument.Parse(output);
        return json.RootElement[0].Clone();
    }

    /// <summary>Runs <c>repoml ARGS</c> in the workspace; fails the test with both streams on a non-zero exit.</summary>
    public async Task<string> Cli(params string[] args)
    {
        var (code, output, error) = await CliRunner.RunAsync(Root, args);
        log.WriteLine($"$ repoml {string.Join(' ', args)} -> {code}\n{error}");
        return code == 0 ? output : throw new InvalidOperationException($"repoml {string.Join(' ', args)} exited {code}:\n{output}\n{error}");
    }

    private void Git(params string[] args) => TestGit.Run(Root, new Dictionary<string, string>
    {
        ["GIT_AUTHOR_DATE"] = "2025-05-20T12:30:00Z",
        ["GIT_COMMITTER_DATE"] = "2025-05-20T12:30:00Z",
    }, args);
}
