using RepoML.Workflows.Comparison;

namespace RepoML.Workflows.Tests.Comparison;

public sealed class CompareRunnerTests : WorkspaceFolderTests
{
    public CompareRunnerTests()
        : base("compare") => Workspace.Write("models/credit.yml", SampleSpecs.Model);

    [Fact]
    public async Task Should_fail_with_the_policy_diagnostics_and_its_text_When_the_policy_does_not_validate()
    {
        // Given a comparison policy whose gates are not a mapping
        var text = "primary_metric: roc_auc\ngates: every one\n";
        Workspace.Write("models/credit.compare.yml", text);

        // When the candidate is compared
        var error = await Assert.ThrowsAsync<WorkflowException>(() => CompareAsync("latest"));

        // Then the failure carries the policy's errors (one at gates:) at its path, and the text to show under the caret
        Assert.Equal(WorkflowFailure.Invalid, error.Kind);
        Assert.Contains(error.Diagnostics, d => d.IsError && d.Line == 2);
        Assert.All(error.Diagnostics, d => Assert.Equal("models/credit.compare.yml", d.File));
        Assert.Equal(text, error.SourceOf("models/credit.compare.yml"));
    }

    [Fact]
    public async Task Should_fail_as_a_usage_error_When_the_candidate_is_neither_a_model_nor_a_run()
    {
        // Given no policy (the defaults) and no recorded run
        // When a candidate that names nothing is compared
        var error = await Assert.ThrowsAsync<WorkflowException>(() => CompareAsync("no-such-run"));

        // Then the request is at fault, and the message says what the candidate may be
        Assert.Equal(WorkflowFailure.Usage, error.Kind);
        Assert.Equal("--candidate 'no-such-run' is neither a model folder, an .onnx file nor a run id in .repoml/runs", error.Message);
        Assert.Empty(error.Diagnostics);
    }

    private Task<CompareResult> CompareAsync(string candidate) => CompareRunner.RunAsync(
        WorkflowContexts.In(Workspace.Path),
        new CompareRequest("models/credit.yml", candidate, null, null, null, null, null, null, null),
        CancellationToken.None);
}
