using RepoML.Core.Pipelines;

namespace RepoML.Core.Tests.Pipelines;

public sealed class CommandTemplateShellTests
{
    private static string Shell(string template, string value) =>
        CommandTemplate.SubstituteForShell(template, _ => value, name => $"/runs/1/{name}");

    [Theory]
    [InlineData("5", "5")]
    [InlineData("data/train.csv", "data/train.csv")]
    [InlineData("$(touch pwned)5", "'$(touch pwned)5'")]
    [InlineData("`id`", "'`id`'")]
    [InlineData("a; rm -rf /", "'a; rm -rf /'")]
    [InlineData("it's", @"'it'\''s'")]
    [InlineData("", "''")]
    public void Should_make_each_value_one_literal_shell_word_When_substituting_for_the_shell(string value, string expected) =>
        Assert.Equal($"python train.py --trees {expected} --out /runs/1/model",
            Shell("python train.py --trees ${{inputs.trees}} --out ${{outputs.model}}", value));

    [Fact]
    public void Should_keep_values_as_written_When_substituting_for_a_cache_key() =>
        Assert.Equal("run $(x)", CommandTemplate.Substitute("run ${{inputs.a}}", _ => "$(x)", _ => null));

    [Fact]
    public void Should_quote_values_inside_optional_segments_When_the_segment_is_kept() =>
        Assert.Equal("run --seed '1 2'", Shell("run $[[--seed ${{inputs.seed}}]]", "1 2"));
}
