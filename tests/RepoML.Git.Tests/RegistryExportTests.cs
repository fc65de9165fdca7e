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

    private static async Task<string> ParquetColumns(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return string.Join(',', reader.Schema.GetDataFields().Select(f => f.Name));
    }
}
