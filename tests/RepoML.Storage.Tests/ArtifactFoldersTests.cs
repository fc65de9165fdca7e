namespace RepoML.Storage.Tests;

public sealed class ArtifactFoldersTests : LocalStoreTests
{
    [Fact]
    public async Task Should_RestoreEveryFile_When_FolderIsPutAndRestored()
    {
        // Given a folder with nested, hidden, empty and duplicate-content files
        Temp.WriteAll("model", [("model.onnx", "onnx"), ("meta/.hidden", "secret-ish"), ("meta/empty.txt", ""), ("copy.onnx", "onnx")]);

        // When
        var digest = await Store.PutFolderAsync(Temp["model"]);
        var manifest = await Store.RestoreFolderAsync(digest, Temp["restored"]);

        // Then
        Assert.Equal(["copy.onnx", "meta/.hidden", "meta/empty.txt", "model.onnx"], manifest.Files.Select(f => f.Path));
        Assert.Equal("onnx", await File.ReadAllTextAsync(Temp["restored/model.onnx"]));
        Assert.Equal("secret-ish", await File.ReadAllTextAsync(Temp["restored/meta/.hidden"]));
        Assert.Equal("", await File.ReadAllTextAsync(Temp["restored/meta/empty.txt"]));
        Assert.Equal(4, Directory.GetFiles(Temp["restored"], "*", SearchOption.AllDirectories).Length);
        Assert.Empty(Directory.GetDirectories(Temp.Path, ".restored*"));
    }

    [Fact]
    public async Task Should_GiveTheSameDigest_When_SameFilesAreCreatedInAnotherOrder()
    {
        // Given two folders with the same content, written in opposite orders
        (string, string)[] files = [("a.csv", "1"), ("sub/b.csv", "2"), ("c.csv", "3")];
        Temp.WriteAll("one", files);
        Temp.WriteAll("two", Enumerable.Reverse(files));

        // When
        var first = await Store.PutFolderAsync(Temp["one"]);
        var second = await Store.PutFolderAsync(Temp["two"]);
        var again = await Store.PutFolderAsync(Temp["one"]);

        // Then
        Assert.Equal(first, second);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Should_GiveAnotherDigest_When_AFileIsRenamed()
    {
        // Given
        Temp.Write("one/a.csv", "1");
        Temp.Write("two/b.csv", "1");

        // When / Then
        Assert.NotEqual(await Store.PutFolderAsync(Temp["one"]), await Store.PutFolderAsync(Temp["two"]));
    }

    [Fact]
    public async Task Should_RefuseToRestore_When_TargetIsNotEmpty()
    {
        // Given
        Temp.Write("src/a.txt", "a");
        var digest = await Store.PutFolderAsync(Temp["src"]);
        Temp.Write("target/keep.txt", "mine");

        // When
        var error = await Assert.ThrowsAsync<IOException>(() => Store.RestoreFolderAsync(digest, Temp["target"]));

        // Then
        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(Temp["target/keep.txt"]));
    }

    [Fact]
    public async Task Should_ReplaceTheTarget_When_ReplaceExistingIsSet()
    {
        // Given
        Temp.Write("src/a.txt", "a");
        var digest = await Store.PutFolderAsync(Temp["src"]);
        Temp.Write("target/stale.txt", "old");

        // When
        await Store.RestoreFolderAsync(digest, Temp["target"], replaceExisting: true);

        // Then
        Assert.Equal(["a.txt"], Directory.GetFiles(Temp["target"]).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Should_CreateNoTarget_When_AFileOfTheFolderIsCorrupt()
    {
        // Given a stored folder with one corrupt file object
        Temp.Write("src/good.txt", "good");
        Temp.Write("src/bad.txt", "bad");
        var digest = await Store.PutFolderAsync(Temp["src"]);
        await File.WriteAllTextAsync(Store.GetObjectPath(Digest.Compute("bad"u8)), "BAD");

        // When
        await Assert.ThrowsAsync<ArtifactCorruptException>(() => Store.RestoreFolderAsync(digest, Temp["target"]));

        // Then
        Assert.False(Directory.Exists(Temp["target"]));
        Assert.Empty(Directory.GetDirectories(Temp.Path, ".target*"));
    }

    [Fact]
    public async Task Should_SayItIsNotAFolder_When_RestoringAPlainObject()
    {
        // Given
        var digest = await Store.PutFileAsync(Temp.Write("plain.txt", "plain"));

        // When
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.RestoreFolderAsync(digest, Temp["target"]));

        // Then
        Assert.Contains("not a folder manifest", error.Message, StringComparison.Ordinal);
    }
}
