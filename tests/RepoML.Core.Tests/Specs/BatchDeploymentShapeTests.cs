using RepoML.Core.Tests.Support;

namespace RepoML.Core.Tests.Specs;

/// <summary>The shapes a batch deployment file takes in Azure ML: a model deployment, or a pipeline deployment of a component or a job.</summary>
public sealed class BatchDeploymentShapeTests
{
    [Theory]
    [InlineData("job_definition: azureml:job_name_placeholder", null)]
    [InlineData("job_definition:\n  type: pipeline\n  jobs: {}", null)]
    [InlineData("component: azureml:hello_batch@latest", null)]
    [InlineData("job_definition: [azureml:a, azureml:b]", "RML0103")]
    public void Should_AcceptAJobOrComponent_When_APipelineDeploymentNamesWhatItRuns(string what, string? expectedId)
    {
        // Given a pipeline batch deployment (Azure ML's hello-batch deployment-from-job.yml, as once published with
        // batchDeployment.schema.json) running that job or component
        var yaml = $"name: hello-batch-from-job\nendpoint_name: hello-pipeline-batch\ntype: pipeline\n{what}\n" +
            "settings:\n  continue_on_step_failure: false\n  default_compute: batch-cluster\n";

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.BatchDeployment);

        // Then only the expected error, if any, is reported
        SchemaCheck.AssertOnly(expectedId, diagnostics);
    }
}
