namespace RepoML.Cli.Tests.Registry;

/// <summary><c>repoml register</c> of a data asset records its profile; <c>repoml site</c> shows it, end to end on a real repository.</summary>
public sealed class SiteCommandTests
{
    private const string DataSpec = "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: people\ntype: uri_file\npath: people.csv\n";

    [Fact]
    public async Task Should_commit_the_profile_with_the_version_and_show_its_drift_on_the_site_When_data_is_registered_twice()
    {
        // Given
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("data/people.yml", DataSpec).Write("data/people.csv", "age,city\n30,Oslo\n40,Oslo\n50,Rome\n");
        Assert.Equal(0, (await workspace.RunAsync("register", "data/people.yml")).ExitCode);
        workspace.Write("data/people.csv", "age,city,score\n60,Rome,1\n70,Rome,2\n80,Rome,3\n90,Oslo,4\n");
        Assert.Equal(0, (await workspace.RunAsync("register", "data/people.yml")).ExitCode);

        // When
        var site = await workspace.RunAsync("site", "--out", "site", "-o", "json");

        // Then: each registration commit holds the record and the profile of exactly those bytes
        var files = TestGit.Run(workspace.Root, "show", "--name-only", "--format=", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, files.Length);
        var profile = JsonDocument.Parse(TestGit.Run(workspace.Root, "show", "HEAD:" + files.Single(f => f.Contains("/profiles/",
            StringComparison.Ordinal)))).RootElement;
        Assert.Equal(4, profile.GetProperty("rows").GetInt32());
        Assert.Equal(0, site.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(site.Output).RootElement.GetProperty("versions").GetInt32() - 1);
        var page = File.ReadAllText(Path.Combine(workspace.Root, "site", "data", "people", "2.html"));
        Assert.Contains("4 rows, 3 columns", page, StringComparison.Ordinal);
        Assert.Contains("<td>score</td><td>added</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_register_without_a_profile_and_warn_When_the_csv_does_not_parse()
    {
        // Given
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("data/people.yml", DataSpec).Write("data/people.csv", "age,city\n30\n");

        // When
        var run = await workspace.RunAsync("register", "data/people.yml");

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no profile recorded for people", run.Error, StringComparison.Ordinal);
        Assert.Single(TestGit.Run(workspace.Root, "show", "--name-only", "--format=", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
