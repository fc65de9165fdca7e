using CsCheck;
using RepoML.Core.Pipelines;
using RepoML.Tests.Shared;
using RepoML.Workflows.Pipelines;
using Xunit.Abstractions;

namespace RepoML.Workflows.Tests.Pipelines;

/// <summary>
/// Generated hostile override values bound into a job command and run by a real <c>/bin/sh</c>: each arrives as the
/// exact one argument it was, and none runs as shell code (the marker file <c>pwned</c> is never created).
/// Bounded in time; the count goes to the test output (and README's security model table).
/// </summary>
public sealed class OverrideShellFuzzTests(ITestOutputHelper output)
{
    private const int Seconds = 4;
    private const char Separator = '\u001e';

    private static readonly string[] Payloads =
    [
        "$(touch pwned)", "`touch pwned`", "; touch pwned", "&& touch pwned", "| touch pwned", "' ; touch pwned ; '", "\"$(touch pwned)\"",
        "\ntouch pwned\n", "${IFS}touch${IFS}pwned", "$'\\x74ouch' pwned", "\\'; touch pwned #", "'\\''; touch pwned; '\\''", "> pwned", "< /etc/passwd",
        "$((1+1))", "${HOME}", "*", "~", "!!", "#", "--", "-n", "%s%s%s",
    ];

    [Fact]
    public async Task Should_pass_every_value_as_one_exact_argument_and_run_none_When_hostile_values_are_generated()
    {
        // Given values mixing shell payloads with random shell metacharacters and text
        var noise = Gen.String[Gen.Char["$()`;|&<>'\"\\\n\t *?[]{}~#!=%^-_aZ9\u00e9\u202E"], 0, 16];
        var value = Gen.OneOf(noise, Gen.Int[0, Payloads.Length - 1].Select(noise, noise, (i, before, after) => before + Payloads[i] + after));
        var (tried, runs) = (0, 0);

        // When each batch is substituted into a command (one printf a value) and run by a real shell
        await value.Array[1, 40].SampleAsync(async values =>
        {
            using var folder = new TempFolder("override-fuzz");
            var template = $"printf '%s\\0{Convert.ToString(Separator, 8)}' ${{{{inputs.v}}}} >> out.txt";
            var command = string.Join('\n', values.Select(v => CommandTemplate.SubstituteForShell(template, _ => v, _ => null)));
            var exit = await StepProcess.RunAsync(command, folder.Path, new Dictionary<string, string>(), folder["stdout.txt"], folder["stderr.txt"],
                CancellationToken.None);

            // Then the shell printed each value back as it was, and ran none of them
            Assert.Equal(0, exit);
            Assert.False(File.Exists(folder["pwned"]), "a value ran as shell code: " + string.Join(" | ", values));
            Assert.Equal(values, File.ReadAllText(folder["out.txt"]).Split(Separator)[..^1]);
            Interlocked.Add(ref tried, values.Length);
            Interlocked.Increment(ref runs);
        }, time: Seconds);

        output.WriteLine($"hostile override values: {tried} tried in {runs} shell runs, 0 ran as shell code, 0 altered");
        Assert.True(runs > 10, $"only {runs} shell runs in {Seconds} s");
    }
}
