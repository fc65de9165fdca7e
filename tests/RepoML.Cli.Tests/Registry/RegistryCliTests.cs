namespace RepoML.Cli.Tests.Registry;

/// <summary>The registry commands end to end on a real Git repository (git init, real commits, real store).</summary>
public sealed class RegistryCliTests
{
    [Fact]
    public async Task Should_print_the_documented_json_When_models_are_listed()
    {
        // Given
        using var workspace = GitWorkspace();
        workspace.Write("trained/model.onnx", "bytes-1");
        Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", "trained", "-m", "First model", "--tag",
            "task=binary-classification", "--tag", "framework=onnx")).ExitCode);

        // When
        var run = await workspace.RunAsync("models", "list", "--tag", "task=binary-classification", "--output", "json");

        // Then
        Assert.Equal(0, run.ExitCode);
        var version = JsonDocument.Parse(run.Output).RootElement.GetProperty("models")[0];
        Assert.Equal("credit", version.GetProperty("name").GetString());
        var v1 = version.GetProperty("versions")[0];
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.StartsWith("sha256:", v1.GetProperty("digest").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestGit.Run(workspace.Root, "rev-parse", "HEAD").Trim(), v1.GetProperty("commit").GetString());
        Assert.Equal("onnx", v1.GetProperty("tags").GetProperty("framework").GetString());
        Assert.Empty(JsonDocument.Parse((await workspace.RunAsync("models", "list", "--tag", "task=other", "-o",
            "json")).Output).RootElement.GetProperty("models").EnumerateArray());
    }

    [Fact]
    public async Task Should_end_with_distinct_versions_When_registrations_race_in_one_repository()
    {
        // Given: four registrations of different content start at once.
        using var workspace = GitWorkspace();
        for (var i = 0; i < 4; i++)
        {
            workspace.Write($"trained{i}/model.onnx", $"bytes-{i}");
        }

        // When
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => workspace.RunAsync("register", "models/credit.yml",
            "--path", $"trained{i}", "-o", "json"))));

        // Then: every one either got its own version or failed cleanly; the history agrees.
        Assert.All(runs, r => Assert.True(r.ExitCode == 0 || r.Error.Contains("RML0705", StringComparison.Ordinal), r.Error));
        var versions = runs.Where(r => r.ExitCode == 0).Select(r
            => JsonDocument.Parse(r.Output).RootElement.GetProperty("version").GetInt32()).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, versions.Length), versions);
        var list = JsonDocument.Parse((await workspace.RunAsync("models", "list", "-o",
            "json")).Output).RootElement.GetProperty("models")[0].GetProperty("versions");
        Assert.Equal(versions.Length, list.GetArrayLength());
    }

    [Fact]
    public async Task Should_say_which_version_it_would_become_When_dry_run_on_a_pull_request_branch()
    {
        // Given: main has credit:1; a PR branch has registered one more.
        using var workspace = GitWorkspace();
        workspace.Write("a/model.onnx", "a").Write("b/model.onnx", "b").Write("c/model.onnx", "c");
        await workspace.RunAsync("register", "models/credit.yml", "--path", "a");
        TestGit.Run(workspace.Root, "checkout", "-q", "-b", "pr");
        var pending = await workspace.RunAsync("register", "models/credit.yml", "--path", "b");

        // When
        var dryRun = await workspace.RunAsync("register", "models/credit.yml", "--path", "c", "--dry-run");

        // Then
        Assert.Contains("becomes credit:2 when merged", pending.Output, StringComparison.Ordinal);
        Assert.Contains("would become credit:3", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal("2", TestGit.Run(workspace.Root, "rev-list", "--count", "main").Trim());
    }

    [Fact]
    public async Task Should_refuse_to_archive_When_an_active_deployment_uses_the_version()
    {
        // Given
        using var workspace = GitWorkspace();
        workspace.Write("a/model.onnx", "a").Write("b/model.onnx", "b");
        await workspace.RunAsync("register", "models/credit.yml", "--path", "a");
        await workspace.RunAsync("register", "models/credit.yml", "--path", "b");
        Commit(workspace.Root, "Deploy", "endpoints/credit/endpoint.yml", "endpoints/credit/blue.yml");

        // When
        var refused = await workspace.RunAsync("models", "archive", "credit:2");
        var archived = await workspace.RunAsync("models", "archive", "credit:1");
        var download = await workspace.RunAsync("models", "download", "credit:1", "--to", "out");

        // Then
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error RML0704: credit:2 cannot be archived: it is used by active deployment(s) credit/blue", refused.Error,
            StringComparison.Ordinal);
        Assert.Equal(0, archived.ExitCode);
        Assert.Equal(0, download.ExitCode);
        Assert.Equal("a", File.ReadAllText(Path.Combine(workspace.Root, "out", "model.onnx")));
    }

    [Fact]
    public async Task Should_suggest_the_registered_name_When_a_model_name_is_misspelled()
    {
        // Given credit:1 is registered
        using var workspace = GitWorkspace();
        workspace.Write("trained/model.onnx", "bytes-1");
        Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", "trained")).ExitCode);

        // When a misspelled and an unrelated name are shown
        var near = await workspace.RunAsync("models", "show", "credti");
        var far = await workspace.RunAsync("models", "show", "zebra");

        // Then the near one gets the registered name, the far one no guess
        Assert.NotEqual(0, near.ExitCode);
        Assert.True(near.Error.Contains("no model named 'credti' is registered on", StringComparison.Ordinal)
            && near.Error.Contains("; did you mean 'credit'?", StringComparison.Ordinal), near.Error);
        Assert.DoesNotContain("did you mean", far.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_warn_and_record_dirty_code_and_parameters_When_a_model_is_registered_from_an_uncommitted_tree()
    {
        // Given a committed workspace, then an uncommitted edit to a tracked file, and a model folder with model-info.json
        using var workspace = GitWorkspace();
        File.AppendAllText(Path.Combine(workspace.Root, "models", "credit.yml"), "\n# edited\n");
        workspace.Write("trained/model.onnx", "bytes-1").Write("trained/model-info.json", ModelInfoJson);

        // When registered, shown and traced
        var register = await workspace.RunAsync("register", "models/credit.yml", "--path", "trained");
        var show = await workspace.RunAsync("models", "show", "credit:1");
        var lineage = await workspace.RunAsync("lineage", "credit:1", "-o", "json");

        // Then the registration warned up front, and the version records dirty code and its hyper-parameters
        Assert.Equal(0, register.ExitCode);
        Assert.Contains("warning: the working tree has uncommitted changes", register.Error, StringComparison.Ordinal);
        Assert.Contains("git_dirty=true", show.Output, StringComparison.Ordinal);
        Assert.Contains("param.number_of_trees=100", show.Output, StringComparison.Ordinal);
        Assert.Contains("param.trainer=fasttree", show.Output, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(lineage.Output).RootElement.GetProperty("dirty").GetBoolean(), lineage.Output + lineage.Error);
    }

    [Fact]
    public async Task Should_not_warn_When_the_tree_is_clean()
    {
        using var workspace = GitWorkspace();
        TestGit.Run(workspace.Root, "add", "-A");
        TestGit.Run(workspace.Root, "commit", "-q", "--allow-empty", "-m", "Everything committed");
        workspace.Write("trained/model.onnx", "bytes-1");

        var register = await workspace.RunAsync("register", "models/credit.yml", "--path", "trained");
        var lineage = await workspace.RunAsync("lineage", "credit:1", "-o", "json");

        Assert.Equal(0, register.ExitCode);
        Assert.False(register.Error.Contains("uncommitted", StringComparison.Ordinal),
            register.Error + TestGit.Run(workspace.Root, "status", "--porcelain", "--untracked-files=no"));
        Assert.False(JsonDocument.Parse(lineage.Output).RootElement.GetProperty("dirty").GetBoolean());
    }

    private const string ModelInfoJson = """
        {"task": "binary", "label": "class", "classes": ["bad", "good"], "features": [{"name": "duration", "kind": "numeric"}],
         "trainer": "fasttree", "params": {"number_of_trees": 100, "learning_rate": 0.05}, "seed": 42, "rows": 800, "mlnet_version": "5.0.1",
         "outputs": {"predicted_label": "PredictedLabel.output", "score": "Score.output", "probability": "Probability.output"}}
        """;

    internal static TempWorkspace GitWorkspace()
    {
        var workspace = Samples.ValidWorkspace();
        Directory.Delete(Path.Combine(workspace.Root, ".git"));
        TestGit.Run(workspace.Root, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(workspace.Root, ".gitignore"), ".repoml/\n");
        Directory.Move(Path.Combine(workspace.Root, "endpoints"), Path.Combine(workspace.Root, "later-endpoints"));
        Commit(workspace.Root, "Initial workspace", ".");
        Directory.Move(Path.Combine(workspace.Root, "later-endpoints"), Path.Combine(workspace.Root, "endpoints"));
        return workspace;
    }

    private static void Commit(string root, string message, params string[] paths)
    {
        TestGit.Run(root, ["add", "--", .. paths]);
        TestGit.Run(root, "commit", "-q", "-m", message);
    }
}
