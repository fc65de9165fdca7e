namespace RepoML.Storage.Tests;

public sealed class DigestTests
{
    private const string HelloHex = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    [Fact]
    public void Should_RoundTrip_When_ParsingTheWrittenForm()
    {
        // Given
        var text = "sha256:" + HelloHex;

        // When
        var digest = Digest.Parse(text);

        // Then
        Assert.Equal(HelloHex, digest.Hex);
        Assert.Equal("sha256", digest.Algorithm);
        Assert.Equal(text, digest.ToString());
        Assert.Equal(Digest.Compute(Encoding.UTF8.GetBytes("hello")), digest);
    }

    [Fact]
    public void Should_MatchSha256_When_ComputedFromBytes()
    {
        // Given
        var bytes = Encoding.UTF8.GetBytes("hello");

        // When
        var digest = Digest.Compute(bytes);

        // Then
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), digest.Hex);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(HelloHex, "expected 'sha256:")]
    [InlineData("md5:" + HelloHex, "'md5' is not supported")]
    [InlineData("sha256:2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824", "lowercase")]
    [InlineData("sha256:2cf24d", "64 lowercase")]
    [InlineData("sha256:zzf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "64 lowercase")]
    public void Should_ExplainTheProblem_When_ParsingAnInvalidDigest(string text, string expectedMessagePart)
    {
        // Given an invalid digest text

        // When
        var error = Assert.Throws<FormatException>(() => Digest.Parse(text));

        // Then
        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
        Assert.False(Digest.TryParse(text, out _));
    }
}
