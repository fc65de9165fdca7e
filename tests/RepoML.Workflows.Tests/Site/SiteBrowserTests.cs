using RepoML.Core.Registry;
using Microsoft.Playwright;
using RepoML.Core.Site;
using RepoML.Workflows.Site;

namespace RepoML.Workflows.Tests.Site;

/// <summary>The generated site driven in headless Chromium from <c>file://</c>: what a person clicking through it sees.</summary>
public sealed class SiteBrowserTests
{
    [ChromiumFact]
    public async Task Should_list_models_resolve_lineage_links_sort_filter_and_compare_runs_When_opened_from_file()
    {
        // Given
        using var site = new GeneratedSite(SiteRepository.CreateWithActivity());
        site.Build();
        await using var chromium = await HeadlessChromium.LaunchAsync();

        // When / Then: the model list names every asset with its version count
        var index = await chromium.OpenAsync(site.Output["index.html"]);
        var rows = await index.Locator("#assets tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.StartsWith("model\tcredit\t3\t3", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith($"model\t{SiteRepository.OddName}\t1", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("data\tpeople\t2", StringComparison.Ordinal));

        // the version page's lineage links all land on pages that exist, and one click shows the previous version
        var version = await chromium.OpenAsync(site.Output["models/credit/2.html"]);
        var links = await version.Locator("svg.lineage a").EvaluateAllAsync<string[]>("as => as.map(a => new URL(a.getAttribute('href'), location.href).href)");
        Assert.True(links.Length >= 2, string.Join(", ", links));
        Assert.All(links, l => Assert.True(File.Exists(new Uri(l).LocalPath), l));
        await version.Locator("svg.lineage a[data-node='model:credit:1']").ClickAsync();
        Assert.Equal("model credit version 1", (await version.Locator("h1").InnerTextAsync()).Split(" latest")[0].Trim());

        // the runs table sorts numerically (churn's run has no trees: first) and filters
        var runs = await chromium.OpenAsync(site.Output["runs.html"]);
        await runs.Locator("#runs th button", new() { HasText = "train.trees" }).ClickAsync();
        Assert.Equal(["–", "1", "50", "100", "200"], await runs.Locator("#runs tbody tr td:nth-child(7)").AllInnerTextsAsync());
        await runs.Locator("input[data-filter=runs]").FillAsync("r2");
        Assert.Equal(1, await runs.Locator("#runs tbody tr:visible").CountAsync());
        await runs.Locator("input[data-filter=runs]").FillAsync("");

        // choosing two runs compares them side by side
        await runs.Locator($"#{SitePaths.RunAnchor("r1")} input.pick").CheckAsync();
        await runs.Locator($"#{SitePaths.RunAnchor("r2")} input.pick").CheckAsync();
        await runs.Locator("#compare-selected").ClickAsync();
        await runs.WaitForSelectorAsync("#compare-metrics");
        var metrics = await runs.Locator("#compare-metrics tr").AllInnerTextsAsync();
        Assert.Contains(metrics, m => m.StartsWith("auc\t0.8\t0.85 (+0.05000)", StringComparison.Ordinal));
        Assert.Equal(2, await runs.Locator("#comparison svg polyline").CountAsync());

        // markup in a description stays text, and nothing logged an error
        var odd = await chromium.OpenAsync(site.Output[SitePaths.Version(AssetKind.Model, SiteRepository.OddName, 1)]);
        Assert.Equal(SiteRepository.Hostile, await odd.Locator("p.description").InnerTextAsync());
        Assert.DoesNotContain("pwned", await odd.TitleAsync(), StringComparison.Ordinal);
        // the endpoint and environment pages: every link lands on a page that exists, the rollout step and the drift chart show
        var endpoint = await chromium.OpenAsync(site.Output["endpoints/credit.html"]);
        var environment = await chromium.OpenAsync(site.Output["environments/train-env/1.html"]);
        foreach (var page in new[] { endpoint, environment })
        {
            var hrefs = await page.Locator("main a[href]").EvaluateAllAsync<string[]>("as => as.map(a => new URL(a.getAttribute('href'), location.href).href)");
            Assert.NotEmpty(hrefs);
            Assert.All(hrefs, h => Assert.True(File.Exists(new Uri(h.Split('#')[0]).LocalPath), h));
        }

        Assert.Equal(1, await endpoint.Locator("#rollout-steps tbody tr").CountAsync());
        Assert.True(await endpoint.Locator("svg.drift-chart circle").CountAsync() == 3);
        await environment.Locator("#used-by-list a").ClickAsync();
        Assert.StartsWith("model churn version 1", await environment.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(chromium.Errors);
        await Screenshots(index, version, runs, await chromium.OpenAsync(site.Output["data/people/2.html"]), endpoint,
            await chromium.OpenAsync(site.Output["environments/train-env/1.html"]));
    }

    /// <summary>Saves full-page screenshots where <c>REPOML_SCREENSHOTS</c> points (the docs' images come from here).</summary>
    private static async Task Screenshots(params IPage[] pages)
    {
        if (Environment.GetEnvironmentVariable("REPOML_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        string[] names = ["site-index", "site-version", "site-compare", "site-data", "site-endpoint", "site-environment"];
        for (var i = 0; i < pages.Length; i++)
        {
            await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, names[i] + ".png"), FullPage = true });
        }
    }
}
