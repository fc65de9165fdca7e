namespace RepoML.Core.Tests.Specs;

/// <summary>A job file without <c>$schema</c> is the job its <c>type</c> names, as <c>az ml job create</c> reads it.</summary>
public sealed class JobFileKindTests
{
    [Theory]
    [InlineData("command: echo\nenvironment: azureml:env:1", SpecKind.CommandJob, 0)]
    [InlineData("type: Sweep\ntrial: ./t.yml\nsampling_algorithm: grid\nsearch_space: {}\nobjective: {goal: maximize, primary_metric: a}",
        SpecKind.SweepJob, 0)]
    [InlineData("type: pipeline\njobs: {}", SpecKind.PipelineJob, 0)]
    [InlineData("command: echo\nenviroment: azureml:env:1", SpecKind.CommandJob, 2)]
    [InlineData("type: automl\ntask: classification", null, 0)]
    public void Should_ReadTheFileAsTheJobItsTypeNames_When_ItHasNoSchemaKey(string text, SpecKind? expected, int errors)
    {
        // Given a file outside the workspace folders without $schema
        var file = SpecFileLoader.Load("jobs/job.yml", FileText.Of(text));

        // When it is read as a job
        var job = JobFileKind.AsJob(file);

        // Then it has the kind its type names, checked against that kind's schema (a typo: unknown field and missing environment)
        Assert.Equal(expected, job?.Kind);
        Assert.Equal(errors, job?.Diagnostics.Count(d => d.IsError) ?? 0);
    }
}
