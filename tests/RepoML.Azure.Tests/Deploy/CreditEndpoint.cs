using RepoML.Core.Yaml;
using RepoML.Storage;

namespace RepoML.Azure.Tests.Deploy;

/// <summary>The repository's credit endpoint (endpoint, blue and green) and a registered credit:1 whose files are a real ONNX model in a local store.</summary>
internal sealed class CreditEndpoint(TempFolder folder, LocalFolderArtifactStore store, DeploymentModel model) : IDisposable
{
    public static string Root => RepositoryRoot.Path;

    public static byte[] OnnxBytes { get; } = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "tests", "TestData", "iris_multiclass_linear.onnx"));

    public LocalFolderArtifactStore Store { get; } = store;

    public DeploymentModel Model { get; } = model;

    public static async Task<CreditEndpoint> CreateAsync()
    {
        var folder = new TempFolder();
        folder.Write("model/model.onnx", OnnxBytes);
        folder.Write("model/README.md", "credit, trained by pipelines/train.yml");
        var store = new LocalFolderArtifactStore(folder["store"]);
        var digest = await store.PutFolderAsync(folder["model"]);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["task"] = "binary-classification" };
        return new CreditEndpoint(folder, store, new DeploymentModel("credit", 1, digest.ToString(), "German credit risk", tags));
    }

    public AzureMlEndpointRequest Request(string? image) => new(
        Read("endpoints/credit/endpoint.yml"), Path.Combine(Root, "endpoints/credit/endpoint.yml"),
        [.. new[] { "blue", "green" }.Select(d => (Read($"endpoints/credit/{d}.yml"), Path.Combine(Root, $"endpoints/credit/{d}.yml")))],
        // The sample pins the version the repository serves; this test's registry holds one version, credit:1.
        reference => SampleSpecs.PinnedToTestRegistry(reference) == "azureml:credit:1" ? Model
            : throw new InvalidOperationException($"not registered: {reference}"),
        image,
        new Dictionary<string, YamlMapping> { ["onnx-serving"] = Read("environments/onnx-serving.yml") });

    public static YamlMapping Read(string relative) =>
        (YamlMapping)YamlReader.Read(relative, File.ReadAllText(Path.Combine(Root, relative))).Root!;

    public void Dispose() => folder.Dispose();
}
