namespace RepoML.Core.Tests.Specs;

/// <summary>
/// One-line edits of real Azure ML examples: the error must be reported with the right id at the edited line,
/// and a misspelled key must come with a "did you mean".
/// </summary>
public sealed class ExampleMutationTests
{
    private const string ManagedDeployment = "endpoints/online/managed/sample/green-deployment-with-registered-assets.yml";
    private const string ProbedDeployment = "foundation-models/system/finetune/text-generation/deploy.yml";
    private const string ManagedEndpoint = "endpoints/online/managed/sample/endpoint.yml";
    private const string KubernetesDeployment = "endpoints/online/kubernetes/kubernetes-blue-deployment.yml";
    private const string KubernetesEndpoint = "endpoints/online/kubernetes/kubernetes-endpoint.yml";
    private const string BatchEndpoint = "endpoints/batch/deploy-pipelines/training-with-components/endpoint.yml";
    private const string BatchDeployment = "foundation-models/system/inference/text-classification/batch-deploy.yml";
    private const string Model = "assets/model/local-file.yml";
    private const string Environment = "assets/environment/docker-image-plus-conda.yaml";
    private const string Data =
        "jobs/pipelines-with-components/pipeline_with_pipeline_component/nyc_taxi_data_regression_with_pipeline_component/data.yml";
    private const string Component = "jobs/pipelines-with-components/basics/1a_e2e_local_components/train.yml";
    private const string CommandJob = "jobs/basics/hello-interactive.yml";
    private const string CommandJobWithInputs = "jobs/basics/hello-world-input.yml";
    private const string PipelineJob = "jobs/pipelines-with-components/basics/1b_e2e_registered_components/pipeline.yml";

    private const string Unknown = "RML0102";
    private const string WrongType = "RML0103";
    private const string BadEnum = "RML0104";
    private const string OutOfRange = "RML0105";
    private const string BadName = "RML0106";

    public static TheoryData<string, int, string, string, string, string?> Mutations { get; } = new()
    {
        { ManagedDeployment, 10, "instance_count", "instance_cuont", Unknown, "did you mean 'instance_count'" },
        { ManagedDeployment, 10, "instance_count: 1", "instance_count: -2", OutOfRange, null },
        { ManagedDeployment, 10, "instance_count: 1", "instance_count: 0", OutOfRange, null },
        { ManagedDeployment, 10, "instance_count: 1", "instance_count: many", WrongType, null },
        { ManagedDeployment, 3, "endpoint_name: my-endpoint", "endpoint_name: my_endpoint", BadName, null },
        { ProbedDeployment, 6, "initial_delay", "initial_dealy", Unknown, "did you mean 'initial_delay'" },
        { ProbedDeployment, 6, "initial_delay: 600", "initial_delay: -1", OutOfRange, null },
        { ProbedDeployment, 8, "request_timeout_ms: 90000", "request_timeout_ms: 180001", OutOfRange, null },
        { ProbedDeployment, 8, "request_timeout_ms: 90000", "request_timeout_ms: 90s", WrongType, null },
        { ManagedEndpoint, 3, "auth_mode: key", "auth_mode: keys", BadEnum, "did you mean 'key'" },
        { ManagedEndpoint, 2, "name: my-endpoint", "name: 1-endpoint", BadName, null },
        { KubernetesDeployment, 25, "instance_count", "instance_cuont", Unknown, "did you mean 'instance_count'" },
        { KubernetesDeployment, 27, "type: default", "type: defualt", BadEnum, "did you mean 'default'" },
        { KubernetesDeployment, 14, "request_timeout_ms: 3000", "request_timeout_ms: 0", OutOfRange, null },
        { KubernetesDeployment, 3, "type: kubernetes", "type: managed", BadEnum, null },
        { KubernetesEndpoint, 6, "auth_mode: Key", "auth_mode: token", BadEnum, null },
        { BatchEndpoint, 4, "auth_mode: aad_token", "auth_mode: aad_tokens", BadEnum, "did you mean 'aad_token'" },
        { BatchDeployment, 5, "instance_count", "instance_cuont", Unknown, "did you mean 'instance_count'" },
        { BatchDeployment, 9, "mini_batch_size: 10", "mini_batch_size: ten", WrongType, null },
        { BatchDeployment, 7, "logging_level: info", "logging_level: verbose", BadEnum, null },
        { BatchDeployment, 6, "error_threshold: 0", "error_threshold: -5", OutOfRange, null },
        { Model, 3, "path", "paht", Unknown, "did you mean 'path'" },
        { Environment, 3, "image", "imag", Unknown, "did you mean 'image'" },
        { Data, 5, "type: uri_folder", "type: uri_fodler", BadEnum, "did you mean 'uri_folder'" },
        { Component, 2, "name: train", "name: Train-Model", BadName, null },
        { Component, 13, "default", "defualt", Unknown, "did you mean 'default'" },
        { Component, 10, "type: integer", "type: int", BadEnum, null },
        { Component, 22, "command", "comand", Unknown, "did you mean 'command'" },
        { CommandJob, 3, "code", "cod", Unknown, "did you mean 'code'" },
        { CommandJob, 12, "type: tensor_board", "type: tensorboard", BadEnum, "did you mean 'tensor_board'" },
        { CommandJobWithInputs, 6, "image: library/python:latest", "image: [library, python]", WrongType, null },
        { PipelineJob, 13, "mode: upload", "mode: uplod", BadEnum, "did you mean 'upload'" },
        { PipelineJob, 25, "component", "componnet", Unknown, "did you mean 'component'" },
        { PipelineJob, 28, "type: uri_folder", "type: uri_fodler", BadEnum, "did you mean 'uri_folder'" },
        { PipelineJob, 37, "type: vs_code", "type: vscode", BadEnum, "did you mean 'vs_code'" },
    };

    [ExamplesTheory]
    [MemberData(nameof(Mutations))]
    public void Should_ReportTheErrorAtTheMutatedLine_When_ARealExampleIsMutated(string file, int line, string find, string replace,
        string expectedId, string? expectedHint)
    {
        // Given a real example that carries no such error at that line, and the line edited
        var text = ExampleCorpus.ReadText(file);
        var kind = SpecKindCatalog.FromSchemaUrl(text.Split('\n')[0].Replace("$schema:", "", StringComparison.Ordinal).Trim());
        Assert.NotNull(kind);
        Assert.DoesNotContain(ExampleCorpus.Validate(file, text, kind.Value), d => d.Id == expectedId && d.Line == line);
        var mutated = Mutate(text, line, find, replace);

        // When it is validated
        var diagnostics = ExampleCorpus.Validate(file, mutated, kind.Value);

        // Then the expected error is reported at the mutated line, with the suggestion for a misspelling
        var hit = diagnostics.FirstOrDefault(d => d.Id == expectedId && d.Line == line);
        Assert.True(hit is not null, $"expected {expectedId} at line {line}; got:{System.Environment.NewLine}{Describe(diagnostics)}");
        Assert.Equal(Severity.Error, hit.Severity);
        if (expectedHint is not null)
        {
            Assert.Contains(expectedHint, hit.Message, StringComparison.Ordinal);
        }
    }

    private static string Mutate(string text, int line, string find, string replace)
    {
        var lines = text.Split('\n');
        Assert.True(lines[line - 1].Contains(find, StringComparison.Ordinal), $"line {line} no longer holds '{find}': '{lines[line - 1]}'");
        var at = lines[line - 1].IndexOf(find, StringComparison.Ordinal);
        lines[line - 1] = string.Concat(lines[line - 1].AsSpan(0, at), replace, lines[line - 1].AsSpan(at + find.Length));
        return string.Join('\n', lines);
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(System.Environment.NewLine, diagnostics.Select(d => $"  {d.Line}:{d.Column} {d.Id} {d.Message}"));
}
