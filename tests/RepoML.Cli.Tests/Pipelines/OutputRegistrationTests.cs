namespace RepoML.Cli.Tests.Pipelines;

/// <summary>Outputs with <c>name</c>/<c>version</c> are registered in the Git registry when the run completes, as Azure ML registers them.</summary>
public sealed class OutputRegistrationTests
{
    private const string Job = """
        $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
        command: echo "$ROWS rows" > ${{outputs.clean}}/data.txt
        environment:
          image: python
        environment_variables:
          ROWS: "12"
        outputs:
          clean:
            type: uri_folder
            name: clean-data
            version: VERSION
        """;

    [Fact]
    public async Task Should_commit_a_data_version_holding_the_jobs_output_When_an_output_has_a_name_and_version()
    {
        // Given a real Git repository with a command job whose output is named clean-data, version 1
        using var repo = new TempRepo();
        File.WriteAllText(Path.Combine(repo.Root, "job.yml"), Job.Replace("VERSION", "1", StringComparison.Ordinal));

        // When it runs twice (the second run reuses the cached output)
        var first = await CliRunner.RunAsync(repo.Root, ["run", "job.yml", "--output", "json"]);
        var second = await CliRunner.RunAsync(repo.Root, ["run", "job.yml", "--output", "json"]);

        // Then the registry commit records exactly the digest the job produced, and the second run finds it already registered
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Output + first.Error + second.Output + second.Error);
        using var json = JsonDocument.Parse(first.Output[first.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var job = json.RootElement.GetProperty("jobs")[0];
        var digest = job.GetProperty("outputs").GetProperty("clean").GetString()!;
        Assert.StartsWith("data clean-data:1 (new version", job.GetProperty("registered")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Register data clean-data", repo.Git("log", "-1", "--format=%s"), StringComparison.Ordinal);
        var recordPath = repo.Git("show", "--name-only", "--format=", "HEAD").Trim();
        using var registryRecord = JsonDocument.Parse(repo.Git("show", "HEAD:" + recordPath));
        Assert.Equal(digest, registryRecord.RootElement.GetProperty("digest").GetString());
        Assert.Contains("data clean-data:1 (already registered", second.Output, StringComparison.Ordinal);
        Assert.Single(repo.Git("log", "--format=%s").Split('\n'), l => l.StartsWith("Register data clean-data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_refuse_with_file_line_col_When_the_version_is_not_a_number_the_registry_can_use()
    {
        // Given
        using var repo = new TempRepo();
        File.WriteAllText(Path.Combine(repo.Root, "job.yml"), Job.Replace("VERSION", "v1.2", StringComparison.Ordinal));

        // When
        var run = await CliRunner.RunAsync(repo.Root, ["run", "job.yml"]);

        // Then nothing ran
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("job.yml:11:14: error RML0404", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("version 'v1.2' is not a positive integer", run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, ".repoml", "runs")));
    }
}
