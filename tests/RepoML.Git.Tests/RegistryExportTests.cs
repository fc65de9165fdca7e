using Parquet;
using RepoML.Git.Export;

namespace RepoML.Git.Tests;

/// <summary>The five export tables keep their column order in CSV and Parquet: BI tools read them by position.</summary>
public sealed class RegistryExportTests
{
    private static readonly Dictionary<string, string> Columns = new()
    {
        ["models"] = "kind,name,versions,latest,labels",
        ["versions"] = "kind,name,version,digest,size,file_count,commit,author,author_email,committed_at,message,registered_at,"
            + "source_commit,run_id,archived",
        ["tags"] = "kind,name,version,type,key,value",
        ["lineage_edges"] = "kind,name,version,from,to,relation",
        ["deployments"] = "endpoint,deployment,file,reference,kind,name,version,since_commit,since,until_commit,until,active",
    };

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Parquet)]
    public async Task Should_write_every_table_with_its_columns_in_order_When_the_registry_is_exported(ExportFormat format)
    {
        // Given: a tagged version deployed by one endpoint.
        using var repo = new TempRepo();
        repo.Register("alice", "credit", "a", tags: new Dictionary<string, string> { ["team"] = "risk" });
        repo.Commit("alice", "Deploy blue", ("endpoints/credit/blue.yml", SampleSpecs.Deployment("blue", "azureml:credit:1", withCode: false)));
        using var output = new TempFolder();
        using var registry = GitModelRegistry.Open(repo.Root);

        // When
        var written = await RegistryExporter.WriteAsync(registry, output.Path, format);

        // Then
        Assert.Equal(RegistryExporter.TableNames, written.Select(Path.GetFileNameWithoutExtension));
        foreach (var (table, columns) in Columns)
        {
            var path = written.Single(p => Path.GetFileNameWithoutExtension(p) == table);
            Assert.Equal(columns, format == ExportFormat.Csv ? File.ReadLines(path).First() : await ParquetColumns(path));
        }

        if (format == ExportFormat.Csv)
        {
            var tags = File.ReadAllLines(Path.Combine(output.Path, "tags.csv"));
            Assert.Equal("model,credit,1,tag,team,risk", tags[1]);
            var deployment = File.ReadAllLines(Path.Combine(output.Path, "deployments.csv"))[1];
            Assert.StartsWith("credit,blue,endpoints/credit/blue.yml,azureml:credit:1,model,credit,1,", deployment);
            Assert.EndsWith(",,,true", deployment);
        }
    }

    [Fact]
    public async Task Should_write_formula_looking_text_as_text_When_a_commit_message_author_or_tag_starts_like_a_formula()
    {
        // Given: whoever pushed wrote spreadsheet formulas (Excel runs '=cmd|...' and follows '=HYPERLINK' when the CSV is opened)
        using var repo = new TempRepo();
        repo.Register("=cmd|' /C calc'!A0", "credit", "a", message: "=HYPERLINK(\"https://evil.example\",\"x\")",
            tags: new Dictionary<string, string> { ["team"] = "@SUM(1+1)", ["offset"] = "-0.5", ["note"] = "+1 and more", ["tab"] = "\t=1+1" });
        using var output = new TempFolder();
        using var registry = GitModelRegistry.Open(repo.Root);

        // When
        await RegistryExporter.WriteAsync(registry, output.Path, ExportFormat.Csv);

        // Then every text cell that a spreadsheet would read as a formula starts with an apostrophe; numbers stay numbers
        var version = File.ReadAllLines(Path.Combine(output.Path, "versions.csv"))[1];
        Assert.Contains(",'=cmd|' /C calc'!A0,", version, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",", version, StringComparison.Ordinal);
        var tags = File.ReadAllLines(Path.Combine(output.Path, "tags.csv")).Skip(1).Select(l => l.Split(',', 6)[4..]).ToDictionary(c => c[0], c => c[1]);
        Assert.Equal("'@SUM(1+1)", tags["team"]);
        Assert.Equal("-0.5", tags["offset"]);
        Assert.Equal("'+1 and more", tags["note"]);
        Assert.Equal("'\t=1+1", tags["tab"]);
    }

    private static async Task<string> ParquetColumns(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return string.Join(',', reader.Schema.GetDataFields().Select(f => f.Name));
    }
}
