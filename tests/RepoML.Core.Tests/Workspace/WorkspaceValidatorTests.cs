using RepoML.Core.Tests.Support;

namespace RepoML.Core.Tests.Workspace;

public sealed class WorkspaceValidatorTests
{
    private static Diagnostic SingleError(InMemoryWorkspaceFiles files, string id)
    {
        var errors = Validation.Run(files).Where(d => d.Id == id).ToList();
        return Assert.Single(errors);
    }

    [Fact]
    public void Should_report_nothing_When_workspace_is_consistent()
    {
        Assert.Empty(Validation.Errors(SampleWorkspace.Files()));
    }

    [Theory]
    [InlineData("endpoints/credit/endpoint.yml", "green: 10", "green: 20", "RML0301", 4, "110")]
    [InlineData("endpoints/credit/endpoint.yml", "green: 10", "gren: 10", "RML0302", 6, "did you mean 'green'")]
    [InlineData("models/credit.yml", "./credit", "../../outside", "RML0203", 4, "")]
    [InlineData("pipelines/components/train.yml", "${{inputs.trees}}", "${{inputs.tres}}", "RML0401", 13, "did you mean 'trees'")]
    [InlineData("pipelines/train.yml", "outputs.model}}", "outputs.modl}}", "RML0401", 17, "did you mean 'model'")]
    public void Should_report_the_error_at_its_line_When_an_edit_breaks_a_sample_file(string file, string find, string replace, string id,
        int line, string text)
    {
        // Given the sample workspace with one edit: traffic that sums to 110, a misspelled deployment, a model path leaving the
        // repository, a command binding an undeclared input, a pipeline binding a job output that does not exist
        var files = SampleWorkspace.Files().Edit(file, find, replace);

        // When it is validated
        var error = SingleError(files, id);

        // Then the one error of that kind stands in the edited file at the edited line, and says what is wrong
        Assert.Equal((file, line), (error.File, error.Line));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_reject_mirror_traffic_When_target_takes_live_traffic_or_exceeds_50()
    {
        var endpoint = SampleWorkspace.Endpoint + "\nmirror_traffic:\n  green: 60\n";

        var errors = Validation.Run(SampleWorkspace.Files().With("endpoints/credit/endpoint.yml", endpoint)).Where(d => d.Id == "RML0303").ToList();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("live traffic", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("at most 50", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_report_removed_model_When_a_deployment_still_uses_it()
    {
        // Given the model file is deleted while blue and green deploy it
        var files = SampleWorkspace.Files().Without("models/credit.yml");

        // Then each deployment reports the model it can no longer find
        var errors = Validation.Run(files).Where(d => d.Id == "RML0206").ToList();
        Assert.Equal(["endpoints/credit/blue.yml", "endpoints/credit/green.yml"], errors.Select(e => e.File!).Order().ToArray());
        Assert.All(errors, e => Assert.Equal(4, e.Line));
    }

    [Fact]
    public void Should_suggest_model_name_When_reference_is_misspelled()
    {
        var files = SampleWorkspace.Files().With("endpoints/credit/blue.yml", SampleWorkspace.Deployment("blue", "azureml:credt:1"));

        var error = SingleError(files, "RML0206");

        Assert.Contains("did you mean 'credit'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_missing_scoring_script_When_code_folder_lacks_it()
    {
        var files = SampleWorkspace.Files().Without("endpoints/credit/code/score.py").With("endpoints/credit/code/other.py");

        var errors = Validation.Run(files).Where(d => d.Id == "RML0202").ToList();

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("score.py", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_accept_a_dotnet_scorer_project_When_the_code_folder_holds_it()
    {
        var deployment = SampleWorkspace.Deployment("blue").Replace("score.py", "CreditScorer.csproj", StringComparison.Ordinal);
        var files = SampleWorkspace.Files().With("endpoints/credit/blue.yml", deployment).With("endpoints/credit/code/CreditScorer.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\" />");

        Assert.DoesNotContain(Validation.Run(files), d => d.Severity != Severity.Info);
    }

    [Theory]
    [InlineData("Scorer.cs", "name the project that compiles them")]
    [InlineData("score.R", ".NET scorer project (.csproj) or assembly (.dll)")]
    public void Should_warn_at_the_script_When_an_online_scoring_script_is_neither_python_nor_dotnet(string script, string message)
    {
        var deployment = SampleWorkspace.Deployment("blue").Replace("score.py", script, StringComparison.Ordinal);
        var files = SampleWorkspace.Files().With("endpoints/credit/blue.yml", deployment).With($"endpoints/credit/code/{script}", "");

        var warning = Assert.Single(Validation.Run(files), d => d.Id == "RML0305");

        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(("endpoints/credit/blue.yml", 8, 19), (warning.File, warning.Line, warning.Column));
        Assert.Contains($"'{script}'", warning.Message, StringComparison.Ordinal);
        Assert.Contains(message, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_cycle_When_jobs_consume_each_other()
    {
        var pipeline = SampleWorkspace.Pipeline.Replace("${{parent.inputs.data}}", "${{parent.jobs.score.outputs.model}}", StringComparison.Ordinal);

        var error = SingleError(SampleWorkspace.Files().With("pipelines/train.yml", pipeline), "RML0402");

        Assert.Contains("score → train → score", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_unknown_pipeline_input_When_binding_names_it()
    {
        var pipeline = SampleWorkspace.Pipeline.Replace("parent.inputs.data", "parent.inputs.dataset", StringComparison.Ordinal);

        var error = SingleError(SampleWorkspace.Files().With("pipelines/train.yml", pipeline), "RML0401");

        Assert.Contains("no input 'dataset'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_duplicate_asset_When_two_files_define_one_model()
    {
        var files = SampleWorkspace.Files().With("models/credit2.yml", SampleWorkspace.Model);

        var error = SingleError(files, "RML0205");

        Assert.Equal("models/credit2.yml", error.File);
    }

    [Fact]
    public void Should_treat_referenced_conda_file_as_resource_When_it_has_no_schema()
    {
        // Given an environment whose conda file lies in environments/
        var environment = SampleWorkspace.Environment + "\nconda_file: ./conda.yml\n";
        var files = SampleWorkspace.Files()
            .With("environments/onnx-serving.yml", environment)
            .With("environments/conda.yml", "name: x\nchannels: [conda-forge]\ndependencies: [python=3.10]\n");

        // Then the conda file is not validated as an environment spec
        Assert.Empty(Validation.Errors(files));
    }

    [Fact]
    public void Should_validate_root_events_file_When_no_paths_are_given()
    {
        // Given an events file at the workspace root with a misspelled key
        var files = SampleWorkspace.Files().With("events.yml", "$schema: https://repoml.dev/schemas/events.schema.json\nsinkz: []\n");

        // Then it is loaded with the workspace folders and reported
        var error = Validation.Errors(files).Single(d => d.File == "events.yml");
        Assert.Equal(("RML0102", 2), (error.Id, error.Line));
    }
}
