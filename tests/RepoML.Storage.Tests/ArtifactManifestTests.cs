namespace RepoML.Storage.Tests;

public sealed class ArtifactManifestTests
{
    private static readonly Digest A = Digest.Compute("a"u8);
    private static readonly Digest B = Digest.Compute("b"u8);

    [Fact]
    public void Should_WriteSortedCompactJson_When_Serialized()
    {
        // Given entries out of order
        var manifest = new ArtifactManifest([new("z/b.txt", 1, B), new("a.txt", 1, A)]);

        // When
        var json = Encoding.UTF8.GetString(manifest.ToCanonicalJson());

        // Then
        Assert.Equal(
            "{\"format\":\"repoml.manifest/v1\",\"files\":[" +
            $"{{\"path\":\"a.txt\",\"size\":1,\"digest\":\"{A}\"}}," +
            $"{{\"path\":\"z/b.txt\",\"size\":1,\"digest\":\"{B}\"}}]}}",
            json);
    }

    [Fact]
    public void Should_GiveTheSameDigest_When_EntriesComeInAnotherOrder()
    {
        // Given
        var first = new ArtifactManifest([new("a.txt", 1, A), new("b/c.txt", 1, B), new("é.txt", 1, A)]);
        var second = new ArtifactManifest([new("é.txt", 1, A), new("b/c.txt", 1, B), new("a.txt", 1, A)]);

        // When / Then
        Assert.Equal(first.ComputeDigest(), second.ComputeDigest());
    }

    [Fact]
    public void Should_RoundTrip_When_ParsingCanonicalJson()
    {
        // Given
        var manifest = new ArtifactManifest([new("data/train.csv", 42, A), new(".hidden", 0, B)]);

        // When
        var parsed = ArtifactManifest.Parse(manifest.ToCanonicalJson());

        // Then
        Assert.Equal(manifest.Files, parsed.Files);
        Assert.Equal(manifest.ComputeDigest(), parsed.ComputeDigest());
        Assert.True(ArtifactManifest.LooksLikeManifest(manifest.ToCanonicalJson()));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b.txt")]
    [InlineData("a/./b.txt")]
    [InlineData("a\\b.txt")]
    [InlineData("")]
    public void Should_RefusePath_When_ItCouldLeaveTheRestoreFolder(string path)
    {
        // Given a manifest entry with an unsafe path

        // When
        var error = Assert.Throws<ArgumentException>(() => new ArtifactManifest([new(path, 1, A)]));

        // Then
        Assert.Contains("is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseManifest_When_APathAppearsTwice()
    {
        // Given / When
        var error = Assert.Throws<ArgumentException>(() => new ArtifactManifest([new("a.txt", 1, A), new("a.txt", 1, B)]));

        // Then
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"files\":[]}", "format")]
    [InlineData("{\"format\":\"repoml.manifest/v1\"}", "files")]
    [InlineData("{\"format\":\"repoml.manifest/v1\",\"files\":[{\"path\":\"../x\",\"size\":1," +
        "\"digest\":\"sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"}]}", "not allowed")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"format\":\"repoml.manifest/v1\",\"files\":[{\"path\":\"a\\ud800\",\"size\":1," +
        "\"digest\":\"sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"}]}", "surrogate")]
    public void Should_ThrowFormatException_When_ParsingSomethingElse(string json, string expectedMessagePart)
    {
        // Given / When
        var error = Assert.Throws<FormatException>(() => ArtifactManifest.Parse(Encoding.UTF8.GetBytes(json)));

        // Then
        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
    }
}
