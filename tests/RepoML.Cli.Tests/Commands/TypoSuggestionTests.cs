namespace RepoML.Cli.Tests.Commands;

/// <summary>"Did you mean" on the command line (issue 18: `repoml trian` and `--candiate` got no suggestion; YAML did).</summary>
public sealed class TypoSuggestionTests
{
    [Theory]
    [InlineData(new[] { "trian" }, "Unrecognized command or argument 'trian'. Did you mean 'train'?")]
    [InlineData(new[] { "models", "shwo", "credit" }, "Unrecognized command or argument 'shwo'. Did you mean 'show'?")]
    [InlineData(new[] { "compare", "credit", "--candiate", "run1" }, "Unrecognized command or argument '--candiate'. Did you mean '--candidate'?")]
    [InlineData(new[] { "monitor", "endpoints/credit", "--form", "2025-01-01" }, "'--form'. Did you mean '--from'?")]
    public async Task Should_suggest_the_closest_command_or_option_When_a_word_is_misspelled(string[] args, string expected)
    {
        // Given an empty folder / When
        using var folder = new TempFolder("typos");
        var run = await CliRunner.RunAsync(folder.Path, args);

        // Then it is a usage error naming the word and the nearest one
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_suggest_nothing_When_no_command_is_close()
    {
        using var folder = new TempFolder("typos");
        var run = await CliRunner.RunAsync(folder.Path, ["xylophone"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'xylophone'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_nearest_endpoint_without_a_stack_trace_When_serving_a_missing_folder()
    {
        // Given a workspace with endpoints/credit only
        using var folder = new TempFolder("typos");
        folder.Write("endpoints/credit/endpoint.yml", "name: credit\n");

        // When a misspelled endpoint is served
        var run = await CliRunner.RunAsync(folder.Path, ["serve", "endpoints/credt", "--port", "0"]);

        // Then a usage error names the folder and the nearest one, and no host stack trace is printed
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("endpoints/credt: no such endpoint folder; did you mean 'endpoints/credit'?", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }
}
