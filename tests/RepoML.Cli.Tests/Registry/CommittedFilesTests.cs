namespace RepoML.Cli.Tests.Registry;

/// <summary>
/// <c>register --commit-files</c>: a version's files travel with its registration commit, so a clone whose store never held them
/// (training elsewhere gave other bytes) can still use the version; what is read back from Git is checked against its digest.
/// </summary>
public sealed class CommittedFilesTests
{
    [Fact]
    public async Task Should_download_a_version_from_its_commit_When_the_local_store_never_held_it()
    {
        // Given credit:1 registered with --commit-files, then the local store deleted (as in a fresh clone)
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("trained/model.onnx", "bytes-1").Write("trained/notes.txt", "two files");
        Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", "trained", "--commit-files")).ExitCode);
        Assert.Equal("", TestGit.Run(workspace.Root, "status", "--porcelain", "--untracked-files=all", "--", "registry"));
        var committed = TestGit.Run(workspace.Root, "show", "--name-only", "--format=", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, committed.Count(p => p.StartsWith("registry/store/objects/", StringComparison.Ordinal))); // two files and their manifest
        Directory.Delete(Path.Combine(workspace.Root, ".repoml", "store"), recursive: true);

        // When it is downloaded
        var download = await workspace.RunAsync("models", "download", "credit:1", "--to", "out");

        // Then the files come back whole from the committed objects
        Assert.Equal(0, download.ExitCode);
        Assert.Equal("bytes-1", File.ReadAllText(Path.Combine(workspace.Root, "out", "model.onnx")));
        Assert.Equal("two files", File.ReadAllText(Path.Combine(workspace.Root, "out", "notes.txt")));
    }

    [Fact]
    public async Task Should_not_find_the_version_When_it_was_registered_without_commit_files()
    {
        // Given credit:1 registered as before, then the local store deleted
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("trained/model.onnx", "bytes-1");
        Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", "trained")).ExitCode);
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "registry", "store")));
        Directory.Delete(Path.Combine(workspace.Root, ".repoml", "store"), recursive: true);

        // When it is downloaded
        var download = await workspace.RunAsync("models", "download", "credit:1", "--to", "out");

        // Then it fails naming the missing object
        Assert.Equal(1, download.ExitCode);
        Assert.Contains("is not in", download.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.Root, "out", "model.onnx")));
    }

    [Fact]
    public async Task Should_refuse_a_committed_object_whose_bytes_were_changed()
    {
        // Given credit:1 committed with its files, and the model's object in Git replaced by other bytes
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("trained/model.onnx", "bytes-1");
        Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", "trained", "--commit-files")).ExitCode);
        var objects = Directory.GetFiles(Path.Combine(workspace.Root, "registry", "store", "objects"), "*", SearchOption.AllDirectories);
        var model = Assert.Single(objects, o => File.ReadAllText(o) == "bytes-1");
        File.WriteAllText(model, "tampered");
        Directory.Delete(Path.Combine(workspace.Root, ".repoml", "store"), recursive: true);

        // When it is downloaded
        var download = await workspace.RunAsync("models", "download", "credit:1", "--to", "out");

        // Then it fails as corrupt, writes nothing, and leaves the committed file where Git has it (no quarantine of tracked files)
        Assert.Equal(1, download.ExitCode);
        Assert.Contains("corrupt", download.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.Root, "out", "model.onnx")));
        Assert.Equal("tampered", File.ReadAllText(model));
        Assert.Equal($"M {Path.GetRelativePath(workspace.Root, model)}", TestGit.Run(workspace.Root, "status", "--porcelain",
            "--untracked-files=all", "--", "registry").Trim());
    }

    [Fact]
    public async Task Should_not_follow_a_committed_object_that_is_a_symlink()
    {
        // Given credit:1 committed with its files, and the model's object replaced by a link to a file outside the repository
        using var workspace = RegistryCliTests.GitWorkspace();
        using var outside = new TempFolder("outside");
        workspace.Write("trained/model.onnx", "bytes-1");
        Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", "trained", "--commit-files")).ExitCode);
        var objects = Directory.GetFiles(Path.Combine(workspace.Root, "registry", "store", "objects"), "*", SearchOption.AllDirectories);
        var model = Assert.Single(objects, o => File.ReadAllText(o) == "bytes-1");
        var secret = Path.Combine(outside.Path, "secret");
        File.WriteAllText(secret, "bytes-1");
        File.Delete(model);
        File.CreateSymbolicLink(model, secret);
        Directory.Delete(Path.Combine(workspace.Root, ".repoml", "store"), recursive: true);

        // When it is downloaded
        var download = await workspace.RunAsync("models", "download", "credit:1", "--to", "out");

        // Then the link is not read, even though its target holds the right bytes: the object is missing
        Assert.Equal(1, download.ExitCode);
        Assert.Contains("is not in", download.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.Root, "out", "model.onnx")));
    }
}
