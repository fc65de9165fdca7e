using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using RepoML.Core.Profiles;
using RepoML.Core.Site;
using RepoML.Core.Tests.Registry;

namespace RepoML.Core.Tests.Site;

public sealed class SiteRendererTests
{
    private const string Hostile = "<script>alert('x')</script>";

    [Fact]
    public void Should_resolve_every_relative_link_to_a_generated_page_When_the_site_is_rendered()
    {
        // Given
        var pages = SiteRenderer.Render(SiteModelBuilder.Build(SiteFixtures.Input(SiteFixtures.Credit())));
        var paths = pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);

        // When
        var broken = pages.SelectMany(p => Links(p).Where(target => !paths.Contains(target)).Select(target => $"{p.Path} -> {target}")).ToList();

        // Then
        Assert.Empty(broken);
        Assert.Contains("models/credit/2.html", paths);
        Assert.Contains("endpoints/credit.html", paths);
        Assert.True(pages.Sum(p => Links(p).Count()) > 20);
    }

    [Fact]
    public void Should_escape_names_descriptions_and_messages_When_they_hold_markup()
    {
        // Given
        var odd = "cr\"edit <b>&'x";
        var history = new FakeHistory()
            .Register("<img src=x onerror=alert(1)>", SiteFixtures.FromRun(odd, "a", "run<1>", 1, 0.5, description: Hostile));

        // When
        var pages = SiteRenderer.Render(SiteModelBuilder.Build(SiteFixtures.Input(history)));

        // Then: the only script element is ours, and the hostile text arrives as text
        var all = string.Concat(pages.Select(p => p.Content));
        Assert.DoesNotContain("<script>alert", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>&", all, StringComparison.Ordinal);
        var version = pages.Single(p => p.Path == SitePaths.Version(AssetKind.Model, odd, 1));
        Assert.Contains(WebUtility.HtmlEncode(Hostile), version.Content, StringComparison.Ordinal);
        Assert.All(pages, p => Assert.Equal(1, Regex.Count(p.Content, "<script>")));
        Assert.DoesNotContain("run<1>", pages.Single(p => p.Path == SitePaths.Compare).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_admit_exactly_the_inline_script_by_hash_When_a_page_declares_its_policy()
    {
        // Given
        var page = SiteRenderer.Render(SiteModelBuilder.Build(SiteFixtures.Input(SiteFixtures.Credit())))[0];

        // When
        var script = Regex.Match(page.Content, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

        // Then
        Assert.Contains($"script-src 'sha256-{hash}'", page.Content, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_show_the_profile_and_its_drift_When_data_versions_have_profiles()
    {
        // Given
        var before = DataProfiler.Profile("age,city\n30,Oslo\n40,Oslo\n50,Rome\n", "data.csv");
        var after = DataProfiler.Profile("age,city,score\n60,Rome,1\n70,Rome,2\n80,Rome,3\n", "data.csv");
        var first = FakeHistory.Record("people", "v1") with { Kind = "data" };
        var second = FakeHistory.Record("people", "v2", 1) with { Kind = "data" };
        var history = new FakeHistory()
            .Commit("alice", (RegistryPath.Version(AssetKind.Data, "people", first.Key).Path, RegistrationRecordJson.Serialize(first)))
            .Commit("alice", (RegistryPath.Version(AssetKind.Data, "people", second.Key).Path, RegistrationRecordJson.Serialize(second)));
        var profiles = new Dictionary<string, DataProfile> { [first.Key] = before, [second.Key] = after };

        // When
        var page = SiteRenderer.Render(SiteModelBuilder.Build(SiteFixtures.Input(history, profiles)))
            .Single(p => p.Path == SitePaths.Version(AssetKind.Data, "people", 2));

        // Then
        Assert.Contains("3 rows, 3 columns", page.Content, StringComparison.Ordinal);
        Assert.Contains("<td>score</td><td>added</td>", page.Content, StringComparison.Ordinal);
        Assert.Matches("<td>age</td><td>same</td><td class=\"n\">40</td><td class=\"n\">70</td>", page.Content);
    }

    /// <summary>Every relative href of a page, resolved against the page's folder, without fragment or query.</summary>
    private static IEnumerable<string> Links(SitePage page)
    {
        foreach (Match m in Regex.Matches(page.Content, "href=\"([^\"#?]*)[^\"]*\""))
        {
            var target = WebUtility.HtmlDecode(m.Groups[1].Value);
            if (target.Length == 0)
            {
                continue;
            }

            var parts = page.Path.Split('/').SkipLast(1).ToList();
            foreach (var segment in target.Split('/'))
            {
                if (segment == "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else
                {
                    parts.Add(segment);
                }
            }

            yield return string.Join('/', parts);
        }
    }
}
