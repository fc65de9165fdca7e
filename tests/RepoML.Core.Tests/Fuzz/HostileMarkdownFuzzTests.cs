using CsCheck;
using RepoML.Core.Reports;
using Xunit.Abstractions;

namespace RepoML.Core.Tests.Fuzz;

/// <summary>
/// Generated hostile cell values (Markdown and HTML syntax, backslashes, mentions, controls, bidi weighted in) through the one Markdown
/// encoder, as cells, code spans and text: every table stays whole, and no tag, link, mention, entity or hidden character reaches
/// GitHub. Bounded in time; the count goes to the test output (and README's security model table).
/// </summary>
public sealed class HostileMarkdownFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_keep_tables_whole_and_values_inert_When_cells_are_generated()
    {
        // Given strings over the characters that matter to GitHub's Markdown (and any string at all)
        var syntax = Gen.Char["|\\`[]()<>!*_~&#;@:/\r\n\t\u001b\u0007\u202E\u2066\u200B\u0085 aZ1-=\"'"];
        var values = Gen.OneOf<string>(Gen.String, Gen.String[syntax, 0, 40]);
        var tried = 0;

        // When each is rendered as a cell and as code in a two-column table row
        values.Sample(value =>
        {
            Interlocked.Increment(ref tried);
            var cell = MarkdownText.Cell(value);
            var table = $"| a | b |\n|---|---|\n| {cell} | {MarkdownText.Code(value, inTable: true)} |\n";

            // Then the row keeps its two cells, on one line, and the cell holds nothing GitHub would act on
            MarkdownTables.AssertWhole(table);
            Assert.Equal(4, table.Split('\n').Length);
            Assert.Equal(0, MarkdownTables.Unescaped(cell, '<'));
            Assert.Equal(0, MarkdownTables.Unescaped(cell, '&'));
            Assert.Equal(0, MarkdownTables.Unescaped(cell, '`', skipCode: false));
            Assert.Equal(0, MarkdownTables.Unescaped(cell, ']', followedBy: '('));
            Assert.DoesNotMatch(@"@[A-Za-z0-9]", cell);
            Assert.DoesNotContain(cell, VisibleText.Hidden);
        }, time: 2);

        output.WriteLine($"hostile Markdown cells: {tried} values rendered as cells and code, 0 tables broken, 0 values read as markup");
    }
}
