namespace RepoML.Cli.Tests.Pipelines;

/// <summary>Finding 1 of issue 17: an override reached <c>/bin/sh -c</c> unquoted and its declared type was never checked.</summary>
public sealed class RunOverrideSafetyTests
{
    private const string Component = """
        $schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json
        name: count
        version: "1"
        type: command
        inputs:
          trees:
            type: integer
            default: 3
            min: 1
        outputs:
          out:
            type: uri_folder
        command: echo ${{inputs.trees}} > ${{outputs.out}}/trees.txt
        environment: azureml:shell@latest
        """;

    private const string Pipeline = """
        $schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
        type: pipeline
        inputs:
          trees: 5
        jobs:
          count:
            type: command
            component: ./components/count.yml
            inputs:
              trees: ${{parent.inputs.trees}}
        """;

    private static TempWorkspace Typed() => new TempWorkspace()
        .Write("environments/shell.yml", ShellPipeline.Environment)
        .Write("pipelines/components/count.yml", Component)
        .Write("pipelines/p.yml", Pipeline);

    private static bool Pwned(TempWorkspace workspace) =>
        workspace.FilesNamed("pwned").Any();

    [Theory]
    [InlineData("$(touch pwned)5", "is not an integer")]
    [InlineData("0", "below the minimum 1")]
    [InlineData("5;touch pwned", "is not an integer")]
    public async Task Should_refuse_before_any_job_starts_When_an_override_breaks_the_declared_type(string value, string problem)
    {
        using var workspace = Typed();

        var run = await workspace.RunAsync("run", "pipelines/p.yml", "--set", $"inputs.trees={value}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"input 'trees': ", run.Error, StringComparison.Ordinal);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
        Assert.False(Pwned(workspace));
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, ".repoml", "runs")) &&
            workspace.RunFiles("stdout.txt").Any());
    }

    [Theory]
    [InlineData("$(touch pwned)")]
    [InlineData("`touch pwned`")]
    [InlineData("x; touch pwned")]
    public async Task Should_pass_the_value_as_text_and_run_nothing_When_an_untyped_override_holds_shell_code(string value)
    {
        using var workspace = ShellPipeline.Create();

        var run = await workspace.RunAsync("run", "pipelines/p.yml", "--set", $"inputs.greeting={value}", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.False(Pwned(workspace));
        var b = workspace.RunFiles("b.txt").Single();
        Assert.Equal(value, File.ReadLines(b).First());
    }
}
