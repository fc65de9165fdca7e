namespace RepoML.Git.Tests;

/// <summary>What <c>register --commit-files</c> hands the registry writer: however many files, whatever their names.</summary>
public sealed class RegistryCommitTests
{
    [Fact]
    public void Should_commit_every_file_When_their_paths_together_are_longer_than_a_command_line()
    {
        // Given 5,000 written files whose paths add up to more than Linux's 2 MiB ARG_MAX
        using var repo = new TempRepo();
        var folder = "registry/store/" + new string('d', 200);
        Directory.CreateDirectory(Path.Combine(repo.Root, folder));
        var written = Enumerable.Range(0, 5_000).Select(i => $"{folder}/{i:D5}-{new string('x', 240)}").ToList();
        foreach (var path in written)
        {
            File.WriteAllText(Path.Combine(repo.Root, path), path);
        }

        Assert.True(written.Sum(p => p.Length + 1) > 2 * 1024 * 1024);

        // When they are committed with the version file
        var commit = new GitContext(repo.Root).Commit([("models/credit/1", "v1\n")], "Register credit 1", written);

        // Then one commit holds them all
        var tree = GitProcess.Output(repo.Root, "ls-tree", "-r", "--name-only", commit).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(written.Count + 2, tree.Length); // with README.md from the first commit
        Assert.Contains("models/credit/1", tree);
    }

    [Fact]
    public void Should_commit_only_the_named_files_When_a_name_looks_like_a_pathspec_glob()
    {
        // Given a file named like a glob, beside files it would match as one, and a staged change of the user's own
        using var repo = new TempRepo();
        foreach (var name in new[] { "m[1].onnx", "m1.onnx", "mx.onnx" })
        {
            File.WriteAllText(Path.Combine(repo.Root, name), name);
        }

        // When only the glob-named file is committed
        var commit = new GitContext(repo.Root).Commit([], "Register", ["m[1].onnx"]);

        // Then the commit holds that file and no other
        var changed = GitProcess.Output(repo.Root, "show", "--name-only", "--format=", commit).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["m[1].onnx"], changed);
        Assert.Contains("?? m1.onnx", GitProcess.Output(repo.Root, "status", "--porcelain"), StringComparison.Ordinal);
    }
}
