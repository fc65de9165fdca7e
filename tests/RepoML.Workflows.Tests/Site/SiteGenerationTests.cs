using RepoML.Core.Registry;
using RepoML.Core.Site;
using RepoML.Workflows.Site;

namespace RepoML.Workflows.Tests.Site;

public sealed class SiteGenerationTests
{
    [Fact]
    public void Should_write_a_page_per_version_When_the_registry_has_models_data_and_endpoints()
    {
        // Given
        using var site = new GeneratedSite(SiteRepository.Create());

        // When
        var result = site.Build();

        // Then
        Assert.Equal(6, result.Versions);
        foreach (var page in new[] { "index.html", "runs.html", "compare.html", "models/credit/3.html", "data/people/2.html", "endpoints/credit.html",
                     SitePaths.Version(AssetKind.Model, SiteRepository.OddName, 1) })
        {
            Assert.True(File.Exists(Path.Combine(site.Output.Path, page)), page);
        }

        var data = site.Page("data/people/2.html");
        Assert.Contains("4 rows, 2 columns", data, StringComparison.Ordinal);
        Assert.Contains("Rows 3 → 4", data, StringComparison.Ordinal);
        Assert.Contains("blue 90 %, green 10 %", site.Page("endpoints/credit.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_show_rollout_steps_monitor_runs_and_environment_use_When_history_and_monitor_files_hold_them()
    {
        // Given
        using var site = new GeneratedSite(SiteRepository.CreateWithActivity());

        // When
        site.Build();

        // Then the endpoint page lists the promotion with its reason and the monitor's latest run and drift over time
        var endpoint = site.Page("endpoints/credit.html");
        Assert.Contains("<td>promote</td><td>credit:3</td><td>2/3</td><td>error rate 0.1 % within the plan&#39;s 1 %</td>", endpoint,
            StringComparison.Ordinal);
        Assert.Contains("Latest run 2025-03-03 00:00 UTC: <strong class=\"worse\">data drifted</strong>, 60 % of features drifted, 1 alert.", endpoint,
            StringComparison.Ordinal);
        Assert.Equal(3, endpoint.Split("<circle ").Length - 1);

        // and the environment version's page shows its image and conda file, and links the model trained in it
        var environment = site.Page("environments/train-env/1.html");
        Assert.Contains($"<code>{SiteRepository.Image}</code>", environment, StringComparison.Ordinal);
        Assert.Contains("  - scikit-learn=1.5", environment, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../../models/churn/1.html\">churn:1</a>", environment, StringComparison.Ordinal);
        Assert.DoesNotContain("credit:", environment.Split("id=\"used-by\"")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_render_no_monitoring_section_When_no_monitor_keeps_a_history_file()
    {
        using var site = new GeneratedSite(SiteRepository.Create());

        site.Build();

        var endpoint = site.Page("endpoints/credit.html");
        Assert.DoesNotContain("id=\"monitoring\"", endpoint, StringComparison.Ordinal);
        Assert.Contains("No rollout step", endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_rewrite_only_the_pages_that_changed_When_one_more_version_is_registered()
    {
        // Given
        using var site = new GeneratedSite(SiteRepository.Create());
        var first = site.Build();
        var untouched = Path.Combine(site.Output.Path, "models/credit/1.html");
        var stamp = File.GetLastWriteTimeUtc(untouched);
        File.WriteAllText(Path.Combine(site.Output.Path, "mine.txt"), "not the site's");

        // When
        SiteRepository.Data(site.Repo, "people", "age,city\n1,Oslo\n");
        var second = site.Build();
        var third = site.Build();

        // Then: the new page, its predecessor (its "next" link), the asset page and the overview; nothing else
        Assert.Equal(first.Pages + 1, second.Pages);
        Assert.Equal(4, second.Written);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(untouched));
        Assert.Equal(0, third.Written);
        Assert.True(File.Exists(Path.Combine(site.Output.Path, "mine.txt")));
    }

    [Fact]
    public void Should_remove_pages_of_a_previous_build_only_When_they_are_in_its_manifest()
    {
        // Given
        using var site = new GeneratedSite(SiteRepository.Create());
        site.Build();
        var outside = $"outside-{Guid.NewGuid():N}.html";
        File.AppendAllLines(Path.Combine(site.Output.Path, SiteWriter.Manifest), ["models/gone/1.html", "../" + outside]);
        Directory.CreateDirectory(Path.Combine(site.Output.Path, "models/gone"));
        File.WriteAllText(Path.Combine(site.Output.Path, "models/gone/1.html"), "old");
        File.WriteAllText(Path.Combine(site.Output.Path, "..", outside), "keep");

        // When
        var result = site.Build();

        // Then
        Assert.Equal(1, result.Removed);
        Assert.False(File.Exists(Path.Combine(site.Output.Path, "models/gone/1.html")));
        Assert.True(File.Exists(Path.Combine(site.Output.Path, "..", outside)));
        File.Delete(Path.Combine(site.Output.Path, "..", outside));
    }
}
