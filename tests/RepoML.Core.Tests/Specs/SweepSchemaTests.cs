using RepoML.Core.Tests.Support;

namespace RepoML.Core.Tests.Specs;

/// <summary>
/// A sweep's search space and sampling algorithm are checked as Azure ML's sweep schema checks them, in sweep jobs and in the
/// sweep nodes of pipelines: each problem at its own line and column.
/// </summary>
public sealed class SweepSchemaTests
{
    private const string SweepJob = $$$"""
        type: sweep
        trial:
          command: python train.py --lr ${{search_space.lr}}
          environment: azureml:env:1
        {{{SchemaCheck.SweepSettings}}}
        """;

    [Theory]
    [InlineData("lr:\n    type: uniform\n    min_value: 0.01\n    max_value: 0.1", null, 0)]
    [InlineData("lr:\n    type: loguniform\n    min_value: -6\n    max_value: -1", null, 0)]
    [InlineData("lr:\n    type: choice\n    values: [0.1, 0.01, {type: uniform, min_value: 0, max_value: 1}]", null, 0)]
    [InlineData("lr:\n    type: quniform\n    min_value: 1\n    max_value: 9\n    q: 2", null, 0)]
    [InlineData("lr:\n    type: normal\n    mu: 0\n    sigma: 1", null, 0)]
    [InlineData("lr:\n    type: randint\n    upper: 10", null, 0)]
    [InlineData("lr:\n    type: uniform\n    min_value: 0.01\n    max_value: ${{parent.inputs.top}}", null, 0)]
    [InlineData("lr:\n    type: uniform\n    min_value: 0.01", "RML0101", 8)]
    [InlineData("lr:\n    type: uniform\n    min_value: 0.01\n    max_value: 0.1\n    step: 2", "RML0102", 11)]
    [InlineData("lr:\n    type: uniform\n    min_value: low\n    max_value: 0.1", "RML0103", 9)]
    [InlineData("lr:\n    type: gaussian\n    mu: 0\n    sigma: 1", "RML0104", 8)]
    [InlineData("lr:\n    min_value: 0.01\n    max_value: 0.1", "RML0101", 8)]
    [InlineData("lr:\n    type: choice\n    values: 0.1", "RML0103", 9)]
    [InlineData("lr:\n    type: randint\n    upper: 2.5", "RML0103", 9)]
    [InlineData("lr: 0.1", "RML0103", 7)]
    public void Should_CheckEachParameterExpression_When_ASweepJobDeclaresASearchSpace(string space, string? expectedId, int line)
    {
        // Given a sweep job with that search space
        var yaml = SweepJob.Replace("lr:\n    type: uniform\n    min_value: 0.01\n    max_value: 0.1", space, StringComparison.Ordinal);

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.SweepJob);

        // Then only the expected error, if any, is reported, on the line of the offending entry
        SchemaCheck.AssertOnly(expectedId, diagnostics);
        if (expectedId is not null)
        {
            Assert.Equal(line, diagnostics[0].Line);
        }
    }

    [Theory]
    [InlineData("sampling_algorithm: grid", null)]
    [InlineData("sampling_algorithm: Bayesian", null)]
    [InlineData("sampling_algorithm:\n  type: random\n  seed: 7\n  rule: sobol\n  logbase: e", null)]
    [InlineData("sampling_algorithm:\n  type: bayesian", null)]
    [InlineData("sampling_algorithm: sobol", "RML0104")]
    [InlineData("sampling_algorithm:\n  type: grid\n  seed: 7", "RML0102")]
    [InlineData("sampling_algorithm:\n  seed: 7", "RML0101")]
    [InlineData("sampling_algorithm:\n  type: random\n  rule: halton", "RML0104")]
    public void Should_CheckTheSamplingAlgorithm_When_ItIsANameOrAMapping(string sampling, string? expectedId)
    {
        // Given a sweep job with that sampling algorithm
        var yaml = SweepJob.Replace("sampling_algorithm: random", sampling, StringComparison.Ordinal);

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.SweepJob);

        // Then only the expected error, if any, is reported
        SchemaCheck.AssertOnly(expectedId, diagnostics);
    }

    [Fact]
    public void Should_CheckSweepFieldsAndTolerateOthers_When_APipelineHasASweepNode()
    {
        // Given a pipeline whose sweep node has a field Azure ML passes through and a search space with a wrong field
        var settings = SchemaCheck.SweepSettings.Replace("min_value:", "min:", StringComparison.Ordinal);
        var yaml = "type: pipeline\njobs:\n" + SchemaCheck.SweepNode(settings);

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.PipelineJob);

        // Then the wrong field is reported where it is, and the missing one at its parameter; the pass-through field is not
        Assert.Equal(
            [("RML0102", 10, 9), ("RML0101", 9, 9)],
            diagnostics.Select(d => (d.Id, d.Line ?? 0, d.Column ?? 0)));
    }
}
