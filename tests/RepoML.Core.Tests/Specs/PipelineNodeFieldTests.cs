using RepoML.Core.Tests.Support;

namespace RepoML.Core.Tests.Specs;

/// <summary>Fields Azure ML's base node schema declares for every pipeline node, whatever its type.</summary>
public sealed class PipelineNodeFieldTests
{
    [Theory]
    [InlineData("command", "comment: first step", null)]
    [InlineData("command", "comment: [first, step]", "RML0103")]
    [InlineData("command", "properties:\n      owner: team-a", null)]
    [InlineData("sweep", "comment: tune it", null)]
    [InlineData("command", "commnet: first step", "RML0102")]
    public void Should_AcceptTheBaseNodeFields_When_ANodeCarriesThem(string type, string field, string? expectedId)
    {
        // Given a pipeline node of that type with the field
        var body = type == "command"
            ? "command: echo hi\n    environment:\n      image: python:3.11"
            : "trial: ./train.yml\n    sampling_algorithm: random\n    search_space:\n      lr:\n        type: choice\n        values: [1, 2]\n" +
              "    objective:\n      goal: maximize\n      primary_metric: acc";
        var yaml = $"type: pipeline\njobs:\n  a:\n    type: {type}\n    {field}\n    {body}\n";

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.PipelineJob);

        // Then only the expected error, if any, is reported
        SchemaCheck.AssertOnly(expectedId, diagnostics);
    }
}
