using static RepoML.Core.Diagnostics.DiagnosticIds;

namespace RepoML.Core.Tests.Specs;

/// <summary>
/// One-line edits of real Azure ML examples: the error must be reported with the right id at the edited line,
/// and a misspelled key must come with a "did you mean".
/// </summary>
public sealed class ExampleMutationTests
{
    /// <summary>Each example file with its edits: a misspelled key or value must come with a "did you mean" of the right spelling.</summary>
    private static readonly (string File, Mutation[] Edits)[] Examples =
    [
        ("endpoints/online/managed/sample/green-deployment-with-registered-assets.yml",
        [
            Key(10, "instance_count", "instance_cuont"), Wrong(10, "instance_count", "1", "-2", OutOfRange),
            Wrong(10, "instance_count", "1", "0", OutOfRange), Wrong(10, "instance_count", "1", "many", WrongType),
            Wrong(3, "endpoint_name", "my-endpoint", "my_endpoint", InvalidName),
        ]),
        ("foundation-models/system/finetune/text-generation/deploy.yml",
        [
            Key(6, "initial_delay", "initial_dealy"), Wrong(6, "initial_delay", "600", "-1", OutOfRange),
            Wrong(8, "request_timeout_ms", "90000", "180001", OutOfRange), Wrong(8, "request_timeout_ms", "90000", "90s", WrongType),
        ]),
        ("endpoints/online/managed/sample/endpoint.yml",
            [Value(3, "auth_mode", "key", "keys"), Wrong(2, "name", "my-endpoint", "1-endpoint", InvalidName)]),
        ("endpoints/online/kubernetes/kubernetes-blue-deployment.yml",
        [
            Key(25, "instance_count", "instance_cuont"), Value(27, "type", "default", "defualt"),
            Wrong(14, "request_timeout_ms", "3000", "0", OutOfRange), Wrong(3, "type", "kubernetes", "managed", InvalidEnum),
        ]),
        ("endpoints/online/kubernetes/kubernetes-endpoint.yml", [Wrong(6, "auth_mode", "Key", "token", InvalidEnum)]),
        ("endpoints/batch/deploy-pipelines/training-with-components/endpoint.yml", [Value(4, "auth_mode", "aad_token", "aad_tokens")]),
        ("foundation-models/system/inference/text-classification/batch-deploy.yml",
        [
            Key(5, "instance_count", "instance_cuont"), Wrong(9, "mini_batch_size", "10", "ten", WrongType),
            Wrong(7, "logging_level", "info", "verbose", InvalidEnum), Wrong(6, "error_threshold", "0", "-5", OutOfRange),
        ]),
        ("assets/model/local-file.yml", [Key(3, "path", "paht")]),
        ("assets/environment/docker-image-plus-conda.yaml", [Key(3, "image", "imag")]),
        ("jobs/pipelines-with-components/pipeline_with_pipeline_component/nyc_taxi_data_regression_with_pipeline_component/data.yml",
            [Value(5, "type", "uri_folder", "uri_fodler")]),
        ("jobs/pipelines-with-components/basics/1a_e2e_local_components/train.yml",
        [
            Wrong(2, "name", "train", "Train-Model", InvalidName), Key(13, "default", "defualt"),
            Wrong(10, "type", "integer", "int", InvalidEnum), Key(22, "command", "comand"),
        ]),
        ("jobs/basics/hello-interactive.yml", [Key(3, "code", "cod"), Value(12, "type", "tensor_board", "tensorboard")]),
        ("jobs/basics/hello-world-input.yml", [Wrong(6, "image", "library/python:latest", "[library, python]", WrongType)]),
        ("jobs/pipelines-with-components/basics/1b_e2e_registered_components/pipeline.yml",
        [
            Value(13, "mode", "upload", "uplod"), Key(25, "component", "componnet"),
            Value(28, "type", "uri_folder", "uri_fodler"), Value(37, "type", "vs_code", "vscode"),
        ]),
    ];

    public static TheoryData<string, int, string, string, string, string?> Mutations { get; } = AllMutations();

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

    private static TheoryData<string, int, string, string, string, string?> AllMutations()
    {
        var data = new TheoryData<string, int, string, string, string, string?>();
        foreach (var (file, edits) in Examples)
        {
            foreach (var edit in edits)
            {
                data.Add(file, edit.Line, edit.Find, edit.Replace, edit.ExpectedId, edit.ExpectedHint);
            }
        }
        return data;
    }

    /// <summary>A key misspelled.</summary>
    private static Mutation Key(int line, string key, string typo) => new(line, key, typo, UnknownField.Id, $"did you mean '{key}'");

    /// <summary>An enumerated value misspelled.</summary>
    private static Mutation Value(int line, string key, string value, string typo) =>
        new(line, $"{key}: {value}", $"{key}: {typo}", InvalidEnum.Id, $"did you mean '{value}'");

    /// <summary>A value that is no misspelling but is wrong all the same: no suggestion is expected.</summary>
    private static Mutation Wrong(int line, string key, string value, string wrong, DiagnosticDescriptor expected) =>
        new(line, $"{key}: {value}", $"{key}: {wrong}", expected.Id, null);

    private sealed record Mutation(int Line, string Find, string Replace, string ExpectedId, string? ExpectedHint);
}
