using System.Text;
using RepoML.Storage;
using RepoML.Tests.Shared.AzureMl;

namespace RepoML.Azure.Tests.Jobs;

/// <summary>
/// <c>repoml run JOB --target azureml --wait</c> through the real ArmClient and Azure.Storage.Blobs, against the ARM stand-in
/// (bodies checked against the REST spec, references against the workspace) with a real Azurite as the datastore.
/// </summary>
public sealed class AzureMlJobTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private ArmStandInOptions Options(Func<StandInJob, Task>? compute = null) => new()
    {
        AzuriteConnectionString = azurite.ConnectionString,
        DatastoreContainer = "azureml-" + Guid.NewGuid().ToString("N")[..12],
        Computes = ["cpu-cluster", "gpu-cluster"],
        Environments = new Dictionary<string, IReadOnlyList<string>> { ["repoml-dotnet"] = ["1", "2", "3"] },
        Compute = compute,
    };

    /// <summary>Plans the job file (relative to the repository <paramref name="root"/>) and submits it, as <c>repoml run JOB
    /// --target azureml</c> does there; with <paramref name="fetchTo"/>, waits for it and fetches its outputs into that folder.</summary>
    private static async Task<(AzureMlJobPlan Plan, AzureMlJobResult Result)> SubmitAsync(AzureMlSession session, string root, string job,
        AzureMlJobOptions options, string? fetchTo = null)
    {
        var file = Path.Combine(root, job);
        var plan = await new AzureMlJobBodies(session, root).BuildAsync(JobFiles.Read(file), file, options);
        var store = fetchTo is null ? null : new LocalFolderArtifactStore(fetchTo);
        return (plan, await new AzureMlJobRunner(session, TimeProvider.System).RunAsync(plan, wait: fetchTo is not null, store));
    }

    [AzuriteFact]
    public async Task Should_upload_create_components_submit_and_fetch_the_outputs_When_the_sample_pipeline_runs()
    {
        // Given: the repository's pipelines/train.yml, and a cluster that checks it was given the uploaded data and writes a model.
        byte[]? seenData = null;
        await using var arm = await ArmStandIn.StartAsync(Options(async job =>
        {
            seenData = await job.ReadAsync(job.InputUri("data")!);
            await job.WriteAsync(job.OutputUri("trained_model")!, "model.onnx", File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "tests/TestData/iris_multiclass_linear.onnx")));
            await job.WriteAsync(job.OutputUri("evaluation")!, "metrics.json", Encoding.UTF8.GetBytes("""{"auc": 0.78}"""));
        }));
        using var store = new TempFolder();
        var session = StandInSessions.Open(arm);

        // When
        var (plan, result) = await SubmitAsync(session, RepositoryRoot.Path, "pipelines/train.yml", new AzureMlJobOptions("repoml-train-1"),
            fetchTo: store.Path);

        // Then: accepted as sent, and completed.
        Assert.Empty(arm.Violations);
        Assert.Equal("Completed", result.Status);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "data/credit/credit.csv")), seenData);

        // And: the four components were created as component versions and the steps reference them by ARM id.
        var job = arm.Resource(plan.Id)!["properties"]!;
        var components = arm.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/components/azureml_anonymous/versions/", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, components.Count);
        Assert.All(job["jobs"]!.AsObject(), step => Assert.Contains(components, c => c.Path == step.Value!["componentId"]!.GetValue<string>()));
        Assert.All(components, c => Assert.EndsWith("/environments/repoml-dotnet/versions/3", JsonNode.Parse(c.Text)!["properties"]!["componentSpec"]!["environment"]!.GetValue<string>(), StringComparison.Ordinal));

        // And: the trained model came back into the store as the folder the cluster wrote.
        var model = result.Outputs.Single(o => o.Job == "train" && o.Output == "model");
        var digest = result.Fetched[model.Uri!];
        using var expected = new TempFolder();
        expected.Write("model.onnx", File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "tests/TestData/iris_multiclass_linear.onnx")));
        Assert.Equal(await new LocalFolderArtifactStore(expected["s"]).PutFolderAsync(expected.Path), digest);
    }

    [AzuriteFact]
    public async Task Should_run_on_the_given_compute_When_compute_is_passed_on_the_command_line()
    {
        // Given: pipelines/train.yml sets default_compute: azureml:cpu-cluster.
        await using var arm = await ArmStandIn.StartAsync(Options());
        var session = StandInSessions.Open(arm);

        // When
        var (plan, _) = await SubmitAsync(session, RepositoryRoot.Path, "pipelines/train.yml",
            new AzureMlJobOptions("repoml-train-2", Compute: "gpu-cluster"));

        // Then
        Assert.Empty(arm.Violations);
        Assert.Equal($"{session.Workspace.Id}/computes/gpu-cluster", arm.Resource(plan.Id)!["properties"]!["settings"]!["default_compute"]!.GetValue<string>());
    }

    [AzuriteFact]
    public async Task Should_snapshot_the_code_and_upload_the_data_When_a_command_job_runs()
    {
        // Given: a command job with a code folder, a local file input and a folder output.
        using var repository = JobFiles.Repository();
        await using var arm = await ArmStandIn.StartAsync(Options(async job =>
        {
            var names = Encoding.UTF8.GetString(await job.ReadAsync(job.InputUri("names")!));
            await job.WriteAsync(job.OutputUri("out")!, "greeting.txt", Encoding.UTF8.GetBytes($"hello {names}"));
        }));
        using var store = new TempFolder();
        var session = StandInSessions.Open(arm);

        // When
        var (plan, result) = await SubmitAsync(session, repository.Path, "jobs/hello.yml", new AzureMlJobOptions("hello-1"), fetchTo: store.Path);

        // Then: the code folder is a code version whose files are in the datastore, and the job uses it.
        Assert.Empty(arm.Violations);
        var properties = arm.Resource(plan.Id)!["properties"]!;
        var codeId = properties["codeId"]!.GetValue<string>();
        var codeUri = arm.Resource(codeId)!["properties"]!["codeUri"]!.GetValue<string>();
        Assert.Equal("echo \"$1 $(cat $2)\" > $3/greeting.txt\n", Encoding.UTF8.GetString(await arm.Datastore!.ReadAsync(arm.Datastore.PathOf(codeUri + "/hello.sh")!)));
        Assert.Equal(("literal", "hello"), (properties["inputs"]!["greeting"]!["jobInputType"]!.GetValue<string>(), properties["inputs"]!["greeting"]!["value"]!.GetValue<string>()));
        Assert.Equal("Download", properties["inputs"]!["names"]!["mode"]!.GetValue<string>());
        Assert.Equal("PT10M", properties["limits"]!["timeout"]!.GetValue<string>());
        Assert.True(result.Completed);
        Assert.Single(result.Fetched);
    }

    [AzuriteFact]
    public async Task Should_send_the_search_space_in_the_rest_form_When_a_sweep_job_runs()
    {
        // Given
        using var repository = JobFiles.Repository();
        await using var arm = await ArmStandIn.StartAsync(Options(job => job.WriteAsync(job.OutputUri("model")!, "model.txt", Encoding.UTF8.GetBytes("best"))));
        using var store = new TempFolder();
        var session = StandInSessions.Open(arm);

        // When
        var (plan, result) = await SubmitAsync(session, repository.Path, "jobs/tune.yml", new AzureMlJobOptions("tune-1"), fetchTo: store.Path);

        // Then: the SDK's REST forms, accepted; the output Azure ML placed is reported back and fetched.
        Assert.Empty(arm.Violations);
        var properties = arm.Resource(plan.Id)!["properties"]!;
        Assert.Equal("""{"learning_rate":["loguniform",[-6,-1]],"trees":["choice",[[50,100,200]]]}""", properties["searchSpace"]!.ToJsonString());
        Assert.Equal("""{"samplingAlgorithmType":"Random","seed":42}""", properties["samplingAlgorithm"]!.ToJsonString());
        Assert.Equal("""{"jobLimitsType":"Sweep","maxTotalTrials":8,"maxConcurrentTrials":2,"timeout":"PT1H"}""", properties["limits"]!.ToJsonString());
        Assert.EndsWith("/environments/repoml-dotnet/versions/2", properties["trial"]!["environmentId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("azureml://datastores/workspaceblobstore/paths/azureml/tune-1/model/", result.Outputs.Single().Uri);
        Assert.Single(result.Fetched);
    }

    [AzuriteFact]
    public async Task Should_not_upload_a_file_twice_When_the_same_job_is_submitted_again()
    {
        // Given: the pipeline was submitted once.
        await using var arm = await ArmStandIn.StartAsync(Options());
        var first = StandInSessions.Open(arm);
        await SubmitAsync(first, RepositoryRoot.Path, "pipelines/train.yml", new AzureMlJobOptions("again-1"));

        // When
        var second = StandInSessions.Open(arm);
        await SubmitAsync(second, RepositoryRoot.Path, "pipelines/train.yml", new AzureMlJobOptions("again-2"));

        // Then: both data files were found by content; the components were the same versions.
        Assert.Equal(2, first.Uploads.Count(u => !u.AlreadyThere));
        Assert.Equal(2, second.Uploads.Count);
        Assert.All(second.Uploads, u => Assert.True(u.AlreadyThere));
        Assert.Empty(arm.Violations);
    }

    [AzuriteFact]
    public async Task Should_be_refused_When_a_step_binds_to_an_input_the_pipeline_lacks()
    {
        // Given: a pipeline whose step reads ${{parent.inputs.missing}}.
        using var repository = JobFiles.Repository();
        repository.Write("jobs/broken.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
            type: pipeline
            settings:
              default_compute: azureml:cpu-cluster
            inputs:
              greeting: hello
            jobs:
              say:
                type: command
                command: echo ${{inputs.text}}
                environment: azureml:repoml-dotnet:1
                inputs:
                  text: ${{parent.inputs.missing}}
            """);
        await using var arm = await ArmStandIn.StartAsync(Options());
        var session = StandInSessions.Open(arm);
        var file = repository["jobs/broken.yml"];
        var plan = await new AzureMlJobBodies(session, repository.Path).BuildAsync(JobFiles.Read(file), file, new AzureMlJobOptions("broken-1"));

        // When
        var error = await Assert.ThrowsAsync<AzureMlRequestException>(() => new AzureMlJobRunner(session, TimeProvider.System).RunAsync(plan, wait: false, store: null));

        // Then
        Assert.Equal(400, error.Status);
        Assert.Contains("${{parent.inputs.missing}} names nothing the pipeline has", error.Message, StringComparison.Ordinal);
    }
}
