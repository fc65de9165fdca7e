namespace RepoML.Git.Tests;

/// <summary>Version numbers from real repositories, checked against <c>git log --first-parent</c> on both history readers.</summary>
public sealed class RegistryHistoryTests
{
    public static TheoryData<GitBackend> Backends => [GitBackend.Cli, GitBackend.LibGit2];

    [Theory]
    [MemberData(nameof(Backends))]
    public void Should_number_versions_in_first_parent_order_When_branches_are_merged_and_rebased(GitBackend backend)
    {
        // Given: alice registers on main; bob registers on a feature branch while carol registers on main; the
        // feature is merged; dave's topic branch is rebased onto main and fast-forwarded; files are renamed and tagged.
        using var repo = new TempRepo();
        var k1 = repo.Register("alice", "credit", "v-alice");
        repo.Tag("alice", "release-1");
        repo.Branch("feature").Register("bob", "credit", "v-bob");
        repo.Commit("bob", "Tune features", ("src/features.py", "x = 1\n"));
        repo.Checkout("main").Register("carol", "credit", "v-carol");
        repo.Register("carol", "churn", "c-1");
        repo.Merge("erin", "feature");
        repo.Branch("topic").Register("dave", "credit", "v-dave");
        repo.Rename("dave", "src/features.py", "src/feature_engineering.py");
        repo.Checkout("main").Commit("alice", "Docs", ("docs/a.md", "a\n"));
        repo.Checkout("topic").Rebase("dave", "main");
        repo.Checkout("main").FastForward("topic");

        // When
        using var registry = GitModelRegistry.Open(repo.Root, new RegistryOpenOptions(Backend: backend));

        // Then: the order in which records were added along `git log --first-parent` is the version order.
        var oracle = repo.Git("log", "--first-parent", "--reverse", "--diff-merges=first-parent", "--diff-filter=A", "--name-only",
            "--format=%H", "--", "registry/models/credit")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = new List<(string Commit, string Key)>();
        string? commit = null;
        foreach (var line in oracle)
        {
            if (line.StartsWith("registry/", StringComparison.Ordinal))
            {
                expected.Add((commit!, RegistryPath.TryParse(line)!.Item));
            }
            else
            {
                commit = line;
            }
        }

        var credit = registry.Snapshot.Find(AssetKind.Model, "credit")!;
        Assert.Equal(expected, credit.Versions.Select(v => (v.Commit.Sha, v.Key)));
        Assert.Equal([1, 2, 3, 4], credit.Versions.Select(v => v.Version));
        Assert.Equal(k1, credit.Version(1)!.Key);
        Assert.Equal(["alice", "carol", "erin", "dave"], credit.Versions.Select(v => v.Commit.AuthorName));
        Assert.Equal("Merge feature", credit.Version(3)!.Commit.Subject);
        Assert.Single(registry.Snapshot.Find(AssetKind.Model, "churn")!.Versions);
        Assert.Empty(registry.Snapshot.Problems);
    }

    [Fact]
    public void Should_compute_the_same_registry_When_read_with_libgit2_or_the_git_cli()
    {
        // Given
        using var repo = new TempRepo();
        repo.Register("alice", "credit", "a");
        repo.Branch("f").Register("bob", "credit", "b");
        repo.Checkout("main").Register("carol", "credit", "c");
        repo.Merge("carol", "f");
        repo.Commit("carol", "Label", (RegistryPath.Label(AssetKind.Model, "credit", "prod").Path, repo.Record("credit", "a").Key + "\n"));

        // When
        using var cli = GitModelRegistry.Open(repo.Root, new RegistryOpenOptions(Backend: GitBackend.Cli));
        using var lib = GitModelRegistry.Open(repo.Root, new RegistryOpenOptions(Backend: GitBackend.LibGit2));

        // Then
        static string Describe(RegistrySnapshot s) => string.Join("\n", s.Assets.SelectMany(a => a.Versions.Select(v
            => $"{v} {v.Key} {v.Commit.Sha} {v.Position} {v.Commit.AuthorDate:O}"))
            .Concat(s.Assets.SelectMany(a => a.Labels().Select(l => $"@{l.Key}={l.Value.Version}"))));
        Assert.Equal(Describe(cli.Snapshot), Describe(lib.Snapshot));
        using var scoped = GitModelRegistry.Open(repo.Root, new RegistryOpenOptions(OnlyKind: AssetKind.Model, OnlyName: "credit"));
        Assert.Equal(cli.Snapshot.Find(AssetKind.Model, "credit")!.Versions.Select(v => (v.Version, v.Key, v.Commit.Sha)),
            scoped.Snapshot.Find(AssetKind.Model, "credit")!.Versions.Select(v => (v.Version, v.Key, v.Commit.Sha)));
        Assert.Equal(1, cli.Resolve("azureml:credit@prod").Version);
        Assert.Equal(3, cli.Resolve("credit@latest").Version);
    }

    [Fact]
    public void Should_refuse_with_the_fix_named_When_the_clone_is_shallow()
    {
        // Given
        using var repo = new TempRepo();
        repo.Register("alice", "credit", "a");
        repo.Register("bob", "credit", "b");
        using var shallow = new TempRepo(empty: true);
        repo.Git("clone", "-q", "--depth", "1", "file://" + repo.Root, shallow.Root);

        // When
        var error = Assert.Throws<RegistryException>(() => GitModelRegistry.Open(shallow.Root));

        // Then
        Assert.Equal(RegistryErrors.ShallowClone, error.Id);
        Assert.Contains("git fetch --unshallow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_the_original_record_and_report_it_When_a_version_record_is_edited()
    {
        // Given
        using var repo = new TempRepo();
        var key = repo.Register("alice", "credit", "a");
        var path = RegistryPath.Version(AssetKind.Model, "credit", key).Path;
        var original = File.ReadAllText(Path.Combine(repo.Root, path));
        repo.Commit("mallory", "Rewrite history", (path, original.Replace("\"size\": 1", "\"size\": 99", StringComparison.Ordinal)));

        // When
        using var registry = GitModelRegistry.Open(repo.Root);

        // Then
        Assert.Equal(1, registry.Resolve("credit:1").Record.Size);
        Assert.Contains(registry.Snapshot.Problems, p => p.Contains("immutable", StringComparison.Ordinal));
    }
}
