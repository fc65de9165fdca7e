using RepoML.Azure.Tests.Support;

namespace RepoML.Azure.Tests;

/// <summary><c>repoml run --target azureml</c>'s request: the pipeline file as an Azure ML job through the real ArmClient.</summary>
public sealed class AzureMlJobSubmitterTests
{
    [Fact]
    public async Task Should_put_the_pipeline_as_a_job_When_submitted()
    {
        // Given
        await using var arm = await ArmStandIn.StartAsync();
        const string sub = "00000000-0000-0000-0000-000000000001";
        var workspace = new AzureMlWorkspace(sub, "rg", "ws", "westeurope");
        var job = AzureMlOnlineDeployerTests.Yaml("""
            $schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
            type: pipeline
            display_name: train credit
            experiment_name: credit
            inputs:
              seed: 42
            jobs:
              split:
                type: command
                component: ./components/split.yml
            """);

        // When
        var (id, _) = await new AzureMlJobSubmitter(AzureMlApi.CreateClient(new StubCredential(), sub, arm.Address, arm.Transport), "westeurope")
            .SubmitAsync(workspace.Job("repoml-train-1"), AzureMlJobBodies.Job(job, null, $"{workspace.Id}/computes/cpu"));

        // Then
        var request = Assert.Single(arm.Requests);
        Assert.Equal(("PUT", $"{workspace.Id}/jobs/repoml-train-1", "2024-04-01"), (request.Method, request.Path, request.Query("api-version")));
        Assert.Equal(workspace.Job("repoml-train-1").ToString(), id);
        AzureMlOnlineDeployerTests.AssertJson($$$$"""
            {"location":"westeurope","properties":{"jobType":"Pipeline","displayName":"train credit","experimentName":"credit",
             "inputs":{"seed":42},"jobs":{"split":{"type":"command","component":"./components/split.yml"}},
             "settings":{"default_compute":"{{{{workspace.Id}}}}/computes/cpu"}}}
            """, JsonNode.Parse(request.Body)!);
    }
}
