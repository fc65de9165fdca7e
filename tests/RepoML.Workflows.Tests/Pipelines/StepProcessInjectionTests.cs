using RepoML.Core.Pipelines;
using RepoML.Workflows.Pipelines;

namespace RepoML.Workflows.Tests.Pipelines;

/// <summary>Finding 1 of issue 17: an override value reached <c>/bin/sh -c</c> unquoted and ran as shell code.</summary>
public sealed class StepProcessInjectionTests
{
    [Theory]
    [InlineData("$(touch pwned)5")]
    [InlineData("`touch pwned`")]
    [InlineData("5; touch pwned")]
    [InlineData("5' && touch pwned && echo '")]
    public async Task Should_pass_a_hostile_value_as_one_argument_and_run_nothing_When_a_real_shell_runs_the_command(string value)
    {
        using var folder = new TempFolder("inject");
        var command = CommandTemplate.SubstituteForShell("printf '%s\\n' ${{inputs.trees}} > ${{outputs.echo}}", _ => value,
            _ => folder["echo.txt"]);

        var exit = await StepProcess.RunAsync(command, folder.Path, new Dictionary<string, string>(), folder["stdout.txt"],
            folder["stderr.txt"], CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.False(File.Exists(folder["pwned"]), "the value ran as shell code");
        Assert.Equal([value], await File.ReadAllLinesAsync(folder["echo.txt"]));
    }
}
