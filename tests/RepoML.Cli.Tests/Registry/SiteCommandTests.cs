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
        await RegisterPeopleAsync(workspace, "age,city\n30,Oslo\n40,Oslo\n50,Rome\n");
        await RegisterPeopleAsync(workspace, "age,city,score\n60,Rome,1\n70,Rome,2\n80,Rome,3\n90,Oslo,4\n");

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
    public async Task Should_name_the_profile_of_the_data_version_a_model_was_trained_on_When_shown_and_traced()
    {
        // Given two registered versions of people.csv, and a model whose run read the first version's bytes
        using var workspace = RegistryCliTests.GitWorkspace();
        const string first = "age,city\n30,Oslo\n40,Oslo\n50,Rome\n";
        await RegisterPeopleAsync(workspace, first);
        var profile = TestGit.Run(workspace.Root, "show", "--name-only", "--format=", "HEAD").Split('\n').Single(f => f.Contains("/profiles/",
            StringComparison.Ordinal));
        await RegisterPeopleAsync(workspace, "age,city\n60,Rome\n");
        var read = Core.Artifacts.Digest.Compute(System.Text.Encoding.UTF8.GetBytes(first)).ToString();
        var model = new Core.Registry.RegistrationRecord(Core.Registry.RegistrationRecord.CurrentSchema, "model", "credit", "sha256:" + new string('c', 64),
            7, 1, null, null, new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, double>(),
            DateTimeOffset.UnixEpoch, null, null, new Core.Registry.RunLineage("r1", "pipelines/train.yml", "sha256:" + new string('a', 64), null,
                null, null, "train", "model", DateTimeOffset.UnixEpoch, [], [new Core.Runs.AssetUse("data", "data/people.csv", null, read),
                    new Core.Runs.AssetUse("data", "data/other.csv", null, "sha256:" + new string('d', 64))]));
        workspace.Write(Core.Registry.RegistryPath.Version(Core.Registry.AssetKind.Model, "credit", model.Key).Path,
            Core.Registry.RegistrationRecordJson.Serialize(model));
        TestGit.Run(workspace.Root, "add", "-A");
        TestGit.Run(workspace.Root, "commit", "-q", "-m", "Register model credit");

        // When
        var show = await workspace.RunAsync("models", "show", "credit:1");
        var lineage = await workspace.RunAsync("lineage", "credit:1");
        var json = await workspace.RunAsync("lineage", "credit:1", "-o", "json");

        // Then: version 1 (the bytes the run read), not the latest, and only registered data
        Assert.Contains($"  trained on  people:1 profile {profile}\n", show.Output, StringComparison.Ordinal);
        Assert.Contains($"  trained on  people:1 profile {profile}\n", lineage.Output, StringComparison.Ordinal);
        var trained = Assert.Single(JsonDocument.Parse(json.Output).RootElement.GetProperty("trained_on").EnumerateArray());
        Assert.Equal(profile, trained.GetProperty("profile").GetString());
        Assert.Equal(1, trained.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Should_diff_the_profiles_recorded_with_two_versions_When_data_diff_names_registered_versions()
    {
        // Given two registered versions of people.csv
        using var workspace = RegistryCliTests.GitWorkspace();
        await RegisterPeopleAsync(workspace, "age,city\n30,Oslo\n40,Oslo\n50,Rome\n");
        await RegisterPeopleAsync(workspace, "age,city,score\n60,Rome,1\n70,Rome,2\n80,Rome,3\n90,Oslo,4\n");

        // When diffed by version, by label and prefix, and by a version that does not exist
        var diff = await workspace.RunAsync("data", "diff", "people:1", "azureml:people@latest", "-o", "json");
        var missing = await workspace.RunAsync("data", "diff", "people:1", "people:3");

        // Then the recorded profiles are compared: 3 → 4 rows, score added
        Assert.Equal(0, diff.ExitCode);
        var json = JsonDocument.Parse(diff.Output).RootElement;
        Assert.Equal((3, 4), (json.GetProperty("rows_before").GetInt32(), json.GetProperty("rows_after").GetInt32()));
        Assert.Contains(json.GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "score"
            && c.GetProperty("change").GetString() == "added");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("no data version azureml:people:3 with a recorded profile", missing.Error, StringComparison.Ordinal);
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

    /// <summary>Writes <paramref name="csv"/> as data/people.csv and registers it (a new version of the people data asset).</summary>
    private static async Task RegisterPeopleAsync(TempWorkspace workspace, string csv)
    {
        workspace.Write("data/people.yml", DataSpec).Write("data/people.csv", csv);
        var run = await workspace.RunAsync("register", "data/people.yml");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
    }
}
