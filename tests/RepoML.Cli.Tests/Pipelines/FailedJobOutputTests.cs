namespace RepoML.Cli.Tests.Pipelines;

/// <summary>
/// A failed job's summary quotes the last lines of its stderr, which can echo data values or a tool's own escape codes; printed by the
/// run table (Spectre) they must show as text, never retitle, clear or recolour the terminal of whoever ran it.
/// </summary>
public sealed class FailedJobOutputTests
{
    [Fact]
    public async Task Should_show_escape_sequences_from_stderr_as_text_When_a_job_fails()
    {
        // Given a job that writes a window-title, screen-clear and colour sequence to stderr, then fails
        using var workspace = ShellPipeline.Create(cCommand: @"printf 'ok\033]0;pwned\007\033[2J\033[31mbad\n' >&2; exit 1");

        // When
        var run = await workspace.RunAsync("run", "pipelines/p.yml", "--explain");

        // Then the failure is reported, with the sequences visible and inert
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("ok\\u001B]0;pwned\\u0007\\u001B[2J\\u001B[31mbad", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output + run.Error, c => c is '\u001b' or '\u0007');
    }
}
