using RepoML.Cli.Output;

namespace RepoML.Cli.Tests.Validate;

public sealed class ReadmeTests
{
    [Fact]
    public void Should_match_the_commands_When_reading_the_readme_cli_reference()
    {
        // Given the README at the repository root
        var readme = Path.Combine(RepositoryRoot.Path, "README.md");
        var text = File.ReadAllText(readme);

        // When the reference is generated from the command tree
        var generated = CliReference.Render(RepoMLApp.BuildRoot(CliContext.ForTest(TextWriter.Null, TextWriter.Null, RepositoryRoot.Path)));

        // Then the README holds exactly that between its markers
        var begin = text.IndexOf(CliReference.BeginMarker, StringComparison.Ordinal) + CliReference.BeginMarker.Length + 1;
        var end = text.IndexOf(CliReference.EndMarker, StringComparison.Ordinal);
        Assert.True(generated == text[begin..end], "README.md's CLI reference is out of date: run `dotnet " +
            "src/RepoML.Cli/bin/Debug/net10.0/repoml.dll reference --update README.md`");
    }
}
