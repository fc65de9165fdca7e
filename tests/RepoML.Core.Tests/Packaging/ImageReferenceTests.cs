namespace RepoML.Core.Tests.Packaging;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("credit-blue", null, "credit-blue", null)]
    [InlineData("credit-blue:credit-3", null, "credit-blue", "credit-3")]
    [InlineData("127.0.0.1:5055/repoml/base:distroless", "127.0.0.1:5055", "repoml/base", "distroless")]
    [InlineData("myacr.azurecr.io/repoml/credit-blue:credit-3", "myacr.azurecr.io", "repoml/credit-blue", "credit-3")]
    [InlineData("localhost/repoml/base:minbase", "localhost", "repoml/base", "minbase")]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0", "mcr.microsoft.com", "dotnet/runtime-deps", "10.0")]
    public void Should_split_registry_repository_and_tag_When_parsing(string text, string? registry, string repository, string? tag)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(text, reference.ToString());
    }

    [Fact]
    public void Should_keep_the_digest_When_the_reference_pins_one()
    {
        var digest = "sha256:" + new string('c', 64);

        var reference = ImageReference.Parse($"127.0.0.1:5055/credit-blue:v1@{digest}");

        Assert.Equal(digest, reference.Digest);
        Assert.True(reference.IsLoopbackRegistry);
        Assert.Equal("127.0.0.1:5055/credit-blue:v2", reference.WithTag("v2").ToString());
    }

    [Theory]
    [InlineData("Credit-Blue")]
    [InlineData("credit blue")]
    [InlineData("credit:bad tag")]
    [InlineData("credit@sha256:123")]
    public void Should_refuse_with_a_reason_When_the_reference_is_malformed(string text)
    {
        Assert.False(ImageReference.TryParse(text, out _, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_make_a_repository_name_When_names_have_capitals_or_spaces() =>
        Assert.Equal("credit-risk-blue", ImageReference.SafeName("Credit Risk-Blue"));
}
