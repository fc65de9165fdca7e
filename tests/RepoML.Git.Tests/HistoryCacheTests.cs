namespace RepoML.Git.Tests;

/// <summary>The history cache in <c>.git/repoml/history/</c>: whatever the branch did since, a cached read equals an uncached one.</summary>
public sealed class HistoryCacheTests
{
    private static readonly string[] Prefixes = [RegistryPath.Root, "endpoints"];

    public static TheoryData<GitBackend> Backends => [GitBackend.Cli, GitBackend.LibGit2];

    [Theory]
    [MemberData(nameof(Backends))]
    public void Should_read_only_the_new_commits_When_the_branch_moved_forward(GitBackend backend)
    {
        // Given: a cached history, then a registration and a merged branch on main.
        using var repo = new TempRepo();
        repo.Register("alice", "credit", "a");
        repo.Commit("alice", "Deploy", ("endpoints/credit/blue.yml", "model: azureml:credit@latest\n"));
        Read(repo, backend, out _);
        repo.Branch("f").Register("bob", "credit", "b");
        repo.Checkout("main").Register("carol", "credit", "c");
        repo.Merge("carol", "f");

        // When
        var cached = Read(repo, backend, out var counts);

        // Then: one incremental read, and the same answer as reading everything without the cache.
        Assert.Equal((0, 1), counts);
        Assert.Equal(Describe(Uncached(repo, backend)), Describe(cached));
        Assert.Equal(4, cached.Count);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Should_read_everything_again_When_the_old_tip_left_the_first_parent_chain(GitBackend backend)
    {
        // Given: main is cached, then fast-forwarded onto a merge of main into a feature branch (a "foxtrot" merge),
        // so the cached tip is now a second parent and every later first-parent position would shift.
        using var repo = new TempRepo();
        repo.Register("alice", "credit", "a");
        repo.Branch("f").Register("bob", "credit", "b");
        repo.Checkout("main").Register("carol", "credit", "c");
        Read(repo, backend, out _);
        repo.Checkout("f").Merge("bob", "main");
        repo.Checkout("main").FastForward("f");

        // When
        var cached = Read(repo, backend, out var counts);

        // Then
        Assert.Equal((1, 1), counts);
        Assert.Equal(Describe(Uncached(repo, backend)), Describe(cached));
        Assert.Equal(["alice", "bob", "bob"], cached.Select(c => c.Commit.AuthorName));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Should_read_everything_again_When_the_branch_was_reset_to_an_older_commit(GitBackend backend)
    {
        // Given
        using var repo = new TempRepo();
        repo.Register("alice", "credit", "a");
        repo.Register("bob", "credit", "b");
        Read(repo, backend, out _);
        repo.Git("reset", "-q", "--hard", "HEAD~1");

        // When
        var cached = Read(repo, backend, out var counts);

        // Then
        Assert.Equal((1, 1), counts);
        Assert.Single(cached);
        Assert.Equal(Describe(Uncached(repo, backend)), Describe(cached));
    }

    [Fact]
    public void Should_ignore_and_rewrite_the_cache_When_its_file_was_tampered_with()
    {
        // Given: a cached history whose file then names a blob it never had.
        using var repo = new TempRepo();
        var key = repo.Register("alice", "credit", "a");
        Read(repo, GitBackend.Cli, out _);
        var file = Directory.GetFiles(Path.Combine(repo.Root, ".git", "repoml", "history")).Single();
        File.WriteAllText(file, File.ReadAllText(file).Replace(key, "0000000000000000", StringComparison.Ordinal));

        // When
        var cached = Read(repo, GitBackend.Cli, out var counts);

        // Then: the file failed its digest, so everything was read again and written back intact.
        Assert.Equal((1, 0), counts);
        Assert.Equal(Describe(Uncached(repo, GitBackend.Cli)), Describe(cached));
        Assert.NotNull(HistoryCacheFormat.Read(File.ReadAllText(file)));
    }

    [Fact]
    public void Should_answer_from_the_file_When_the_tip_did_not_move()
    {
        using var repo = new TempRepo();
        repo.Register("alice", "credit", "a");
        var first = Read(repo, GitBackend.Cli, out _);

        var second = Read(repo, GitBackend.Cli, out var counts);

        Assert.Equal((0, 0), counts);
        Assert.Equal(Describe(first), Describe(second));
    }

    private static IReadOnlyList<HistoryCommit> Read(TempRepo repo, GitBackend backend, out (int Full, int Since) counts)
    {
        using var counting = new CountingHistory(GitHistoryFactory.Open(repo.Root, backend, cache: false));
        using var cached = new CachingGitHistory(counting, Path.Combine(repo.Root, ".git", "repoml", "history"));
        var result = cached.FirstParentChanges(repo.Head, Prefixes);
        counts = (counting.Full, counting.Since);
        return result;
    }

    private static IReadOnlyList<HistoryCommit> Uncached(TempRepo repo, GitBackend backend)
    {
        using var history = GitHistoryFactory.Open(repo.Root, backend, cache: false);
        return history.FirstParentChanges(repo.Head, Prefixes);
    }

    private static string Describe(IReadOnlyList<HistoryCommit> commits) => string.Join("\n", commits.Select(c =>
        $"{c.Position} {c.Commit.Sha} {c.Commit.AuthorName} {c.Commit.AuthorDate:O} {c.Commit.Message} | " + string.Join(", ", c.Changes.Select(x
            => $"{x.Kind} {x.Path} {x.BlobId}"))));

    /// <summary>The real history reader, counting how often the cache had to read all of it or only the new part.</summary>
    private sealed class CountingHistory(IGitHistory inner) : IGitHistory
    {
        public int Full { get; private set; }

        public int Since { get; private set; }

        public bool IsShallow => inner.IsShallow;

        public string? ResolveCommit(string revision) => inner.ResolveCommit(revision);

        public CommitInfo? GetCommit(string sha) => inner.GetCommit(sha);

        public IReadOnlyList<HistoryCommit> FirstParentChanges(string tipSha, IReadOnlyList<string> pathPrefixes)
        {
            Full++;
            return inner.FirstParentChanges(tipSha, pathPrefixes);
        }

        public IReadOnlyList<HistoryCommit>? FirstParentChangesSince(string tipSha, string sinceSha, IReadOnlyList<string> pathPrefixes)
        {
            Since++;
            return inner.FirstParentChangesSince(tipSha, sinceSha, pathPrefixes);
        }

        public IReadOnlyList<TreeFile> ListFiles(string commitSha, string prefix) => inner.ListFiles(commitSha, prefix);

        public string ReadBlob(string blobId) => inner.ReadBlob(blobId);

        public void Dispose() => inner.Dispose();
    }
}
