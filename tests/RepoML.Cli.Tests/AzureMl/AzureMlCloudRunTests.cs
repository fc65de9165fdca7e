using RepoML.Workflows;
using RepoML.Workflows.Cloud;
using System.Text;
using RepoML.Cli.Commands;
using RepoML.Cli.Commands.Rollout;
using RepoML.Core.Runs;
using RepoML.Tests.Shared.AzureMl;

namespace RepoML.Cli.Tests.AzureMl;

/// <summary>
/// The sample pipeline run on "Azure ML" (the ARM stand-in, checking every request against the REST spec, with a real
/// Azurite datastore and a cluster that writes the model), its model registered from the cloud run, then deployed.
/// The commands run in-process with a session reaching the stand-in; everything else is the CLI's own path.
/// </summary>
public sealed class AzureMlCloudRunTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly byte[] Onnx = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "tests/TestData/iris_multiclass_linear.onnx"));

    [AzuriteFact]
    public async Task Should_upload_submit_complete_and_register_the_model_When_the_pipeline_runs_on_azureml()
    {
        // Given: the sample repository and a workspace whose cluster writes a model and its metrics.
        using var repository = new SampleRepository();
        await using var arm = await ArmStandIn.StartAsync(new ArmStandInOptions
        {
            AzuriteConnectionString = azurite.ConnectionString,
            DatastoreContainer = "azureml-" + Guid.NewGuid().ToString("N")[..12],
            Environments = new Dictionary<string, IReadOnlyList<string>> { ["repoml-dotnet"] = ["1"], ["onnx-serving"] = ["1"] },
            Compute = async job =>
            {
                await job.WriteAsync(job.OutputUri("trained_model")!, "model.onnx", Onnx);
                await job.WriteAsync(job.OutputUri("evaluation")!, "metrics.json", Encoding.UTF8.GetBytes("""{"auc": 0.78}"""));
            },
        });

        // When: repoml run pipelines/train.yml --target azureml --wait
        var (exit, output, error) = await InvokeAsync(repository.Root, arm, "run", "pipelines/train.yml", "--target", "azureml", "--wait");

        // Then: uploaded, submitted, completed, and recorded like a local run.
        Assert.True(exit == 0, error);
        Assert.Empty(arm.Violations);
        Assert.Contains("Completed", output, StringComparison.Ordinal);
        var record = RunRecordJson.Deserialize(File.ReadAllText(Directory.EnumerateFiles(Path.Combine(repository.Root, ".repoml/runs"), "run.json", SearchOption.AllDirectories).Single()));
        Assert.Equal(RunRecord.Completed, record.Status);
        var train = record.Job("train")!;
        Assert.StartsWith("azureml://datastores/workspaceblobstore/paths/repoml/runs/", train.OutputUris["model"], StringComparison.Ordinal);
        Assert.StartsWith("sha256:", train.Outputs["model"], StringComparison.Ordinal);
        Assert.Contains(arm.Requests, r => r.Method == "PUT" && r.Path.Contains("/components/azureml_anonymous/", StringComparison.Ordinal));

        // When: repoml register models/credit.yml --from-run RUN
        var register = await SampleRepository.RunAsync(repository.Root, SampleRepository.Environment(), "register", "models/credit.yml", "--from-run", record.RunId, "-o", "json");

        // Then: credit:1 is the model the cloud run wrote.
        Assert.True(register.ExitCode == 0, register.Error);
        var registered = JsonNode.Parse(register.Output)!;
        Assert.Equal((1, train.Outputs["model"]), (registered["version"]!.GetValue<int>(), registered["digest"]!.GetValue<string>()));

        // When: repoml deploy endpoints/credit --target azureml (the registered model to a managed endpoint)
        var deploy = await InvokeAsync(repository.Root, arm, "deploy", "endpoints/credit", "--target", "azureml", "--image", "registry.example/credit-serving:1.0");

        // Then: the model files were uploaded before its version, and the endpoint serves with its traffic.
        Assert.True(deploy.Exit == 0, deploy.Error);
        Assert.Empty(arm.Violations);
        var workspace = StandInSessions.Workspace(arm).Id;
        var modelUri = arm.Resource($"{workspace}/models/credit/versions/1")!["properties"]!["modelUri"]!.GetValue<string>();
        Assert.Equal(Onnx, await arm.Datastore!.ReadAsync(arm.Datastore.PathOf(modelUri)! + "model.onnx"));
        Assert.Equal("""{"blue":90,"green":10}""", arm.Resource($"{workspace}/onlineEndpoints/credit")!["properties"]!["traffic"]!.ToJsonString());
    }

    /// <summary>Runs a command as RepoMLApp parses it, its Azure ML session reaching the stand-in.</summary>
    private static async Task<(int Exit, string Output, string Error)> InvokeAsync(string directory, ArmStandIn arm, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = CliContext.ForTest(output, error, directory, SampleRepository.Environment());
        var parse = RepoMLApp.BuildRoot(context).Parse(args);
        AzureMlTarget.SessionFactory open = (_, _, log, _) => Task.FromResult(StandInSessions.Open(arm));
        int exit;
        try
        {
            exit = args[0] == "run"
                ? await AzureMlRunTarget.RunAsync(context, parse, open, CancellationToken.None)
                : await DeployTargets.RunAsync(context, parse, open, CancellationToken.None);
        }
        catch (WorkflowException failure)
        {
            // As RepoMLApp answers it: the message on stderr, the failure's exit code.
            await error.WriteLineAsync($"error: {failure.Message}");
            exit = (int)failure.Kind;
        }

        return (exit, output.ToString(), error.ToString());
    }
}
