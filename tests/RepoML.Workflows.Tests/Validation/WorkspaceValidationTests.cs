using RepoML.Workflows.Validation;

namespace RepoML.Workflows.Tests.Validation;

public sealed class WorkspaceValidationTests() : WorkspaceFolderTests("validate")
{
    [Fact]
    public void Should_report_a_missing_model_path_at_its_line_relative_to_the_current_folder_When_validating_from_a_subfolder()
    {
        // Given a model whose local path does not exist, validated from inside models/
        var text = SampleSpecs.Model + "\n";
        Workspace.Write("models/credit.yml", text);

        // When
        var outcome = WorkspaceValidation.Run(WorkflowContexts.In(Workspace["models"]), ["credit.yml"], null);

        // Then one error, at path: (line 4), named as the user would type it from there, with the file's text for the caret
        Assert.Equal((1, 1), (outcome.Errors, outcome.SpecFiles));
        var problem = Assert.Single(outcome.Diagnostics);
        Assert.Equal(("credit.yml", 4), (problem.File, problem.Line));
        Assert.Contains("does not exist", problem.Message, StringComparison.Ordinal);
        Assert.Equal(text, outcome.Sources["credit.yml"]);
    }

    [Fact]
    public void Should_fail_as_a_usage_error_When_a_path_does_not_exist()
    {
        // Given / When a path that is not there is validated
        var error = Assert.Throws<WorkflowException>(() => WorkspaceValidation.Run(WorkflowContexts.In(Workspace.Path), ["nothing.yml"], null));

        // Then the request is at fault
        Assert.Equal(WorkflowFailure.Usage, error.Kind);
        Assert.Equal($"path '{Workspace["nothing.yml"]}' does not exist", error.Message);
    }
}
