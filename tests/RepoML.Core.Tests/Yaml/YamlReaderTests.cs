using System.Diagnostics;
using System.Text;

namespace RepoML.Core.Tests.Yaml;

public sealed class YamlReaderTests
{
    [Fact]
    public void Should_report_one_based_positions_When_reading_nested_values()
    {
        // Given a mapping with a nested value on line 3, column 5
        const string text = "name: credit\nrequest_settings:\n    request_timeout_ms: 100\n";

        // When it is read
        var result = YamlReader.Read("a.yml", text);

        // Then the nested scalar knows its line and column
        var root = Assert.IsType<YamlMapping>(result.Root);
        var value = root.GetMapping("request_settings")!.Entry("request_timeout_ms")!;
        Assert.Equal(new SourceSpan("a.yml", 3, 5), value.Key.Span);
        Assert.Equal(new SourceSpan("a.yml", 3, 25), value.Value.Span);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Should_report_duplicate_key_at_second_occurrence_When_a_key_repeats()
    {
        var result = YamlReader.Read("a.yml", "name: a\ntype: x\nname: b\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("RML0002", diagnostic.Id);
        Assert.Equal(3, diagnostic.Line);
        Assert.Contains("first defined at line 1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_quickly_When_aliases_expand_exponentially()
    {
        // Given a "billion laughs" document: each level repeats the previous one ten times
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level < 12; level++)
        {
            var previous = $"*a{level - 1}";
            text.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        // When it is read
        var clock = Stopwatch.StartNew();
        var result = YamlReader.Read("bomb.yml", text.ToString());

        // Then it is refused with a diagnostic instead of expanding 10^12 nodes
        Assert.Null(result.Root);
        Assert.Equal("RML0005", Assert.Single(result.Diagnostics).Id);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "alias bomb must not hang");
    }

    [Fact]
    public void Should_share_alias_targets_When_aliases_are_small()
    {
        var result = YamlReader.Read("a.yml", "base: &b {x: 1}\nother: *b\n");

        var root = Assert.IsType<YamlMapping>(result.Root);
        Assert.Same(root["base"], root["other"]);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Should_merge_keys_without_overriding_When_merge_key_is_used()
    {
        var result = YamlReader.Read("a.yml", "base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\n");

        var other = Assert.IsType<YamlMapping>(result.Root).GetMapping("other")!;
        Assert.Equal("1", other.GetString("x"));
        Assert.Equal("3", other.GetString("y"));
    }

    [Theory]
    [InlineData("[", 1000)]
    [InlineData("{a: ", 1000)]
    [InlineData("- ", 200)]
    public void Should_report_nesting_When_documents_nest_too_deep(string opener, int depth)
    {
        var text = opener == "- "
            ? string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i * 2) + "-\n"))
            : string.Concat(Enumerable.Repeat(opener, depth));

        var result = YamlReader.Read("deep.yml", text);

        Assert.Null(result.Root);
        Assert.Contains(result.Diagnostics, d => d.Id is "RML0007" or "RML0001");
    }

    [Theory]
    [InlineData("name: a\nty\0pe: b\n", "RML0006", 2, 3)]
    [InlineData("name: blue\nendpoint_name: {{ENDPOINT_NAME}}\n", "RML0008", 2, 16)]
    public void Should_report_binary_content_or_an_unquoted_placeholder_at_its_position_When_the_text_holds_one(string text, string id,
        int line, int column)
    {
        // Given text with a NUL byte, or a {{placeholder}} left unquoted where YAML reads a flow mapping, When it is read
        var result = YamlReader.Read("t.yml", text);

        // Then the one diagnostic names it where it stands
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((id, line, column), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Should_refuse_without_parsing_When_file_is_huge()
    {
        var limits = YamlLimits.Default with { MaxBytes = 1000 };

        var result = YamlReader.Read("big.yml", "x: " + new string('a', 5000), limits);

        Assert.Equal("RML0004", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Should_report_syntax_error_position_When_yaml_is_malformed()
    {
        var result = YamlReader.Read("bad.yml", "name: a\ntraffic:\n  blue: [1, 2\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("RML0001", diagnostic.Id);
        Assert.NotNull(diagnostic.Line);
    }

    [Fact]
    public void Should_refuse_second_document_When_file_has_two()
    {
        var result = YamlReader.Read("two.yml", "a: 1\n---\nb: 2\n");

        Assert.Equal("RML0011", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Should_not_crash_When_input_is_random_garbage()
    {
        // Given many random printable inputs
        var random = new Random(7);
        const string alphabet = "ab:- \n\t[]{},&*!|>'\"#%@`?";
        for (var i = 0; i < 2000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 80)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            // When each is read, Then either a tree or diagnostics come back, never an exception
            var result = YamlReader.Read("fuzz.yml", text);
            Assert.True(result.Root is not null || result.Diagnostics.Count > 0 || text.Trim().Length == 0 || text.TrimStart().StartsWith('#'), text);
        }
    }

    [Theory]
    [InlineData("name: a\nmodel:\n\tpath: x\n", 3, 1)]
    [InlineData("name: a\nmodel:\n  path: x\n  \tversion: 1\n", 4, 3)]
    [InlineData("name: a\njobs:\n  - a\n\t- b\n", 4, 1)]
    public void Should_report_a_tab_at_its_own_line_and_column_When_it_indents_a_line(string text, int line, int column)
    {
        // Given YAML indented with a tab (which YAML forbids), When it is read
        var result = YamlReader.Read("tab.yml", text);

        // Then the one diagnostic points at the tab and says it is one
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("tab", diagnostic.Message, StringComparison.OrdinalIgnoreCase);
    }
}
