using RepoML.Core.Site;

namespace RepoML.Core.Tests.Site;

public sealed class SitePathsTests
{
    [Theory]
    [InlineData("credit")]
    [InlineData("credit-risk_2.onnx")]
    public void Should_keep_a_name_as_it_is_When_it_is_safe_as_a_file_name(string name) => Assert.Equal(name, SitePaths.Slug(name));

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData(".hidden")]
    [InlineData("a b<script>")]
    [InlineData("index")]
    [InlineData("naïve")]
    public void Should_give_a_safe_distinct_slug_When_a_name_has_odd_characters(string name)
    {
        // When
        var slug = SitePaths.Slug(name);

        // Then
        Assert.Matches("^[A-Za-z0-9_][A-Za-z0-9._-]*$", slug);
        Assert.NotEqual(name, slug);
        Assert.NotEqual(SitePaths.Slug(name + "x"), slug);
    }

    [Fact]
    public void Should_give_different_slugs_When_names_differ_only_in_replaced_characters() =>
        Assert.NotEqual(SitePaths.Slug("a b"), SitePaths.Slug("a/b"));

    [Fact]
    public void Should_climb_to_the_site_root_When_linking_from_a_nested_page() =>
        Assert.Equal("../../runs.html", SitePaths.Link(SitePaths.Version(AssetKind.Model, "credit", 3), SitePaths.Runs));
}
