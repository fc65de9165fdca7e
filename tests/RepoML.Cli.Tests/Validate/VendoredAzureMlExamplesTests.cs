namespace RepoML.Cli.Tests.Validate;

/// <summary>
/// Real Azure ML files the shared corpus lacks (tests/TestData/azureml-examples, MIT, see its README): they validate clean,
/// and a one-word change inside a sweep's search space is reported at its line and column.
/// </summary>
public sealed class VendoredAzureMlExamplesTests
{
    private static readonly string Folder = Path.Combine(TestData.Folder, "azureml-examples");

    /// <summary>The vendored files under cli/, with the code folders they name (not vendored) made empty.</summary>
    private static TempWorkspace Workspace(Func<string, string, string>? edit = null)
    {
        var workspace = new TempWorkspace();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, "jobs"), "*.yml", SearchOption.AllDirectories))
        {
            var relative = "cli/" + Path.GetRelativePath(Folder, file).Replace('\\', '/');
            workspace.Write(relative, edit?.Invoke(relative, File.ReadAllText(file)) ?? File.ReadAllText(file));
        }

        foreach (var code in new[] { "jobs/basics/src", "jobs/single-step/scikit-learn/iris/src",
                     "jobs/pipelines-with-components/pipeline_with_hyperparameter_sweep/train-src",
                     "jobs/pipelines-with-components/pipeline_with_hyperparameter_sweep/predict-src" })
        {
            workspace.Write($"cli/{code}/main.py", "print('stub')\n");
        }

        return workspace;
    }

    [Fact]
    public async Task Should_validate_clean_When_the_files_are_azure_mls_own_sweep_and_output_examples()
    {
        // Given the vendored files
        using var workspace = Workspace();

        // When they are validated
        var run = await workspace.RunAsync("validate", "cli");

        // Then all six are read as specs and none has an error or a warning
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Workspace valid: 6 spec file(s), 0 warning(s)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cli/jobs/basics/hello-sweep.yml", "type: uniform", "type: uniformm", "19:11: error RML0104", 1)]
    [InlineData("cli/jobs/basics/hello-sweep.yml", "sampling_algorithm: random", "sampling_algorithm: sobol", "13:21: error RML0104", 1)]
    [InlineData("cli/jobs/pipelines-with-components/pipeline_with_hyperparameter_sweep/pipeline.yml", "max_value: 0.9", "max_valu: 0.9",
        "34:9: error RML0102", 2)]
    [InlineData("cli/jobs/single-step/scikit-learn/iris/job-sweep.yml", "min_value: 0.5", "min_value: half", "21:16: error RML0103", 1)]
    public async Task Should_report_at_the_changed_line_When_a_search_space_entry_is_broken(string file, string from, string to, string expected,
        int errors)
    {
        // Given the vendored files with one search-space setting broken
        using var workspace = Workspace((path, text) => path == file ? ReplaceFirst(text, from, to) : text);

        // When they are validated
        var run = await workspace.RunAsync("validate", "cli");

        // Then that error is reported at file:line:col (a misspelt key also leaves its parameter without the real one)
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}:", run.Output, StringComparison.Ordinal);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        Assert.Contains($"Workspace invalid: {errors} error(s)", run.Output, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found");
        return text[..at] + to + text[(at + from.Length)..];
    }
}
