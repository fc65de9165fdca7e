namespace RepoML.Core.Tests.Site;

/// <summary>
/// The template's workflows and this repository's CI publish the registry site: as a build artifact always, and to
/// GitHub Pages only where the repository variable REPOML_PAGES is true, from the default branch.
/// </summary>
public sealed class SitePublishingTests
{
    [Theory]
    [InlineData("templates/RepoML.Templates/content/repoml/.github/workflows/repoml.yml")]
    [InlineData(".github/workflows/ci.yml")]
    public void Should_upload_the_site_and_deploy_it_to_pages_only_when_enabled_When_the_github_workflow_runs(string file)
    {
        // Given
        var root = (YamlMapping)YamlReader.Read(file, File.ReadAllText(Path.Combine(RepositoryRoot.Path, file))).Root!;
        var jobs = root.GetMapping("jobs")!.Entries.ToDictionary(e => e.Key.Value, e => (YamlMapping)e.Value!);
        var steps = jobs.Values.SelectMany(j => j.GetSequence("steps")!.Items.Cast<YamlMapping>()).ToList();

        // When the steps are read
        var site = steps.FindIndex(s => s.GetString("run") == "dotnet cake --target=Site");
        var artifact = steps.FindIndex(s => s.GetString("uses") == "actions/upload-artifact@v4" && s.GetMapping("with")?.GetString("path") == "artifacts/site/");
        var pages = steps.FindIndex(s => s.GetString("uses") == "actions/upload-pages-artifact@v3");
        var deploy = jobs.Single(j => j.Value.GetSequence("steps")!.Items.Cast<YamlMapping>().Any(s => s.GetString("uses") == "actions/deploy-pages@v4"));

        // Then the site is written, then uploaded as an artifact and for Pages; the Pages job waits for it and is gated on the variable
        Assert.True(site >= 0 && artifact > site && pages > site, $"{file}: site {site}, artifact {artifact}, pages {pages}");
        Assert.Contains("vars.REPOML_PAGES == 'true'", steps[pages].GetString("if"), StringComparison.Ordinal);
        Assert.Contains("vars.REPOML_PAGES == 'true'", deploy.Value.GetString("if"), StringComparison.Ordinal);
        Assert.Equal("write", deploy.Value.GetMapping("permissions")!.GetString("pages"));
        Assert.Equal("write", deploy.Value.GetMapping("permissions")!.GetString("id-token"));
        Assert.Contains(deploy.Value.GetString("needs"), jobs.Keys);
        Assert.Equal("github-pages", deploy.Value.GetMapping("environment")!.GetString("name"));
    }

    [Theory]
    [InlineData("templates/RepoML.Templates/content/repoml/azure-pipelines.yml")]
    [InlineData("azure-pipelines.yml")]
    public void Should_publish_the_site_as_its_own_artifact_When_azure_pipelines_runs(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, file));

        var site = text.IndexOf("dotnet cake --target=Site", StringComparison.Ordinal);
        var publish = text.IndexOf("- publish: artifacts/site\n", StringComparison.Ordinal);

        Assert.True(site > 0 && publish > site, file);
        Assert.Contains("artifact: registry-site", text[publish..], StringComparison.Ordinal);
    }
}
