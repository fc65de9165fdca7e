namespace RepoML.Cli.Tests.Registry;

/// <summary>
/// A commit message, tag or description is written by whoever pushed it, and reaches the terminal of whoever runs <c>models show</c>:
/// its escape sequences (window title, screen clear, colours, a carriage return that overwrites the line) must show, never act.
/// </summary>
public sealed class TerminalInjectionTests
{
    private const string Hostile = "ok\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\rfake\u202Eevil";

    [Fact]
    public async Task Should_show_escape_sequences_as_text_When_a_commit_message_and_tag_carry_them()
    {
        // Given
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("trained/model.onnx", "bytes-1");
        Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", "trained", "-m", Hostile, "--tag",
            "owner=" + Hostile)).ExitCode);

        // When
        var runs = new[]
        {
            await workspace.RunAsync("models", "show", "credit"), await workspace.RunAsync("models", "history", "credit"),
            await workspace.RunAsync("models", "list"),
        };

        // Then nothing the terminal would act on is printed, and the text stays readable
        Assert.All(runs, run =>
        {
            Assert.Equal(0, run.ExitCode);
            Assert.DoesNotContain(run.Output + run.Error, c => c is '\u001b' or '\u0007' or '\r' or '\u202E');
        });
        Assert.Contains("ok\\u001B]0;pwned\\u0007\\u001B[2J\\u001B[31mred\\u000Dfake\\u202Eevil", runs[0].Output, StringComparison.Ordinal);
        Assert.Contains("owner=ok\\u001B]0;pwned", runs[0].Output, StringComparison.Ordinal);
    }
}
