namespace RepoML.Cli.Tests.Serving;

/// <summary>Temp workspaces with the iris test model and an online or batch endpoint that serves it.</summary>
internal static class ServingWorkspace
{
    public static string RepositoryRoot { get; } = global::RepoML.Tests.Shared.RepositoryRoot.Path;

    public static string IrisModel { get; } = TestModels.Iris;

    public static string IrisCsv { get; } = Path.Combine(RepositoryRoot, "tests", "TestData", "iris.csv");

    public static TempWorkspace Online() => new TempWorkspace()
        .WriteBytes("models/iris/model.onnx", File.ReadAllBytes(IrisModel))
        .Write("endpoints/iris/endpoint.yml", SampleSpecs.IrisEndpoint)
        .Write("endpoints/iris/blue.yml", SampleSpecs.IrisBlue("../../models/iris"));

    /// <summary><see cref="Online"/>, with blue served by a copy of the test scorer project tests/TestData/scorers/IrisOnnxScorer
    /// (endpoints/iris/scorer).</summary>
    public static TempWorkspace OnlineWithScorer() => WithScorer(Online(), "endpoints/iris/blue.yml");

    /// <summary><see cref="Batch"/>, with the deployment scored by a copy of the test scorer project IrisOnnxScorer
    /// (endpoints/iris-batch/scorer).</summary>
    public static TempWorkspace BatchWithScorer(string settings) => WithScorer(Batch(settings), "endpoints/iris-batch/deployment.yml");

    private static TempWorkspace WithScorer(TempWorkspace workspace, string deployment)
    {
        var source = Path.Combine(RepositoryRoot, "tests", "TestData", "scorers", "IrisOnnxScorer");
        var folder = Path.GetDirectoryName(deployment)!.Replace('\\', '/');
        foreach (var file in Directory.EnumerateFiles(source))
        {
            workspace.WriteBytes($"{folder}/scorer/{Path.GetFileName(file)}", File.ReadAllBytes(file));
        }

        return workspace.Write(deployment, File.ReadAllText(Path.Combine(workspace.Root, deployment))
            + "\ncode_configuration:\n  code: ./scorer\n  scoring_script: IrisOnnxScorer.csproj\n");
    }

    public static TempWorkspace Batch(string settings) => new TempWorkspace()
        .WriteBytes("models/iris/model.onnx", File.ReadAllBytes(IrisModel))
        .Write("endpoints/iris-batch/endpoint.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/batchEndpoint.schema.json
            name: iris-batch
            defaults:
              deployment_name: onnx
            """)
        .Write("endpoints/iris-batch/deployment.yml", $"""
            $schema: https://azuremlschemas.azureedge.net/latest/batchDeployment.schema.json
            name: onnx
            endpoint_name: iris-batch
            type: model
            model:
              path: ../../models/iris
            compute: azureml:cpu-cluster
            settings:
            {settings}
            """);
}
