namespace RepoML.Storage.Tests;

public sealed class ArtifactFoldersTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly LocalFolderArtifactStore _store;

    public ArtifactFoldersTests() => _store = new LocalFolderArtifactStore(_temp["store"]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Should_RestoreEveryFile_When_FolderIsPutAndRestored()
    {
        // Given a folder with nested, hidden, empty and duplicate-content files
        _temp.Write("model/model.onnx", "onnx");
        _temp.Write("model/meta/.hidden", "secret-ish");
        _temp.Write("model/meta/empty.txt", "");
        _temp.Write("model/copy.onnx", "onnx");

        // When
        var digest = await _store.PutFolderAsync(_temp["model"]);
        var manifest = await _store.RestoreFolderAsync(digest, _temp["restored"]);

        // Then
        Assert.Equal(["copy.onnx", "meta/.hidden", "meta/empty.txt", "model.onnx"], manifest.Files.Select(f => f.Path));
        Assert.Equal("onnx", await File.ReadAllTextAsync(_temp["restored/model.onnx"]));
        Assert.Equal("secret-ish", await File.ReadAllTextAsync(_temp["restored/meta/.hidden"]));
        Assert.Equal("", await File.ReadAllTextAsync(_temp["restored/meta/empty.txt"]));
        Assert.Equal(4, Directory.GetFiles(_temp["restored"], "*", SearchOption.AllDirectories).Length);
        Assert.Empty(Directory.GetDirectories(_temp.Path, ".restored*"));
    }

    [Fact]
    public async Task Should_GiveTheSameDigest_When_SameFilesAreCreatedInAnotherOrder()
    {
        // Given two folders with the same content, written in opposite orders
        _temp.Write("one/a.csv", "1");
        _temp.Write("one/sub/b.csv", "2");
        _temp.Write("one/c.csv", "3");
        _temp.Write("two/c.csv", "3");
        _temp.Write("two/sub/b.csv", "2");
        _temp.Write("two/a.csv", "1");

        // When
        var first = await _store.PutFolderAsync(_temp["one"]);
        var second = await _store.PutFolderAsync(_temp["two"]);
        var again = await _store.PutFolderAsync(_temp["one"]);

        // Then
        Assert.Equal(first, second);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Should_GiveAnotherDigest_When_AFileIsRenamed()
    {
        // Given
        _temp.Write("one/a.csv", "1");
        _temp.Write("two/b.csv", "1");

        // When / Then
        Assert.NotEqual(await _store.PutFolderAsync(_temp["one"]), await _store.PutFolderAsync(_temp["two"]));
    }

    [Fact]
    public async Task Should_RefuseToRestore_When_TargetIsNotEmpty()
    {
        // Given
        _temp.Write("src/a.txt", "a");
        var digest = await _store.PutFolderAsync(_temp["src"]);
        _temp.Write("target/keep.txt", "mine");

        // When
        var error = await Assert.ThrowsAsync<IOException>(() => _store.RestoreFolderAsync(digest, _temp["target"]));

        // Then
        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(_temp["target/keep.txt"]));
    }

    [Fact]
    public async Task Should_ReplaceTheTarget_When_ReplaceExistingIsSet()
    {
        // Given
        _temp.Write("src/a.txt", "a");
        var digest = await _store.PutFolderAsync(_temp["src"]);
        _temp.Write("target/stale.txt", "old");

        // When
        await _store.RestoreFolderAsync(digest, _temp["target"], replaceExisting: true);

        // Then
        Assert.Equal(["a.txt"], Directory.GetFiles(_temp["target"]).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Should_CreateNoTarget_When_AFileOfTheFolderIsCorrupt()
    {
        // Given a stored folder with one corrupt file object
        _temp.Write("src/good.txt", "good");
        _temp.Write("src/bad.txt", "bad");
        var digest = await _store.PutFolderAsync(_temp["src"]);
        await File.WriteAllTextAsync(_store.GetObjectPath(Digest.Compute("bad"u8)), "BAD");

        // When
        await Assert.ThrowsAsync<ArtifactCorruptException>(() => _store.RestoreFolderAsync(digest, _temp["target"]));

        // Then
        Assert.False(Directory.Exists(_temp["target"]));
        Assert.Empty(Directory.GetDirectories(_temp.Path, ".target*"));
    }

    [Fact]
    public async Task Should_SayItIsNotAFolder_When_RestoringAPlainObject()
    {
        // Given
        var digest = await _store.PutFileAsync(_temp.Write("plain.txt", "plain"));

        // When
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _store.RestoreFolderAsync(digest, _temp["target"]));

        // Then
        Assert.Contains("not a folder manifest", error.Message, StringComparison.Ordinal);
    }
}
