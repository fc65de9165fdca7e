using System.Net;
using RepoML.Workflows.Site;

namespace RepoML.Workflows.Tests.Site;

public sealed class SitePreviewTests
{
    [Fact]
    public async Task Should_serve_the_site_on_loopback_and_rebuild_it_When_a_version_is_registered()
    {
        // Given
        using var site = new GeneratedSite(SiteRepository.Create());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ready = new TaskCompletionSource<string>();
        var server = Task.Run(() => SitePreview.RunAsync(site.Context, site.Request, 0, ready.SetResult, cancel.Token));
        var address = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        // When
        var index = await http.GetAsync("/");
        var manifest = await http.GetAsync("/" + SiteWriter.Manifest);
        var escape = await http.GetAsync("/%2e%2e/%2e%2e/etc/passwd");
        var post = await http.PostAsync("/index.html", new StringContent("x"));
        SiteRepository.Data(site.Repo, "people", "age,city\n1,Oslo\n");
        var third = HttpStatusCode.NotFound;
        await Eventually.TrueAsync(async () => (third = (await http.GetAsync("/data/people/3.html")).StatusCode) == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250)); // a rebuild on a loaded 2-core runner

        // Then
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("<h1>", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, manifest.StatusCode);
        Assert.True(escape.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, escape.StatusCode.ToString());
        Assert.True((int)post.StatusCode is 404 or 405, post.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, third);
        await cancel.CancelAsync();
        await server;
    }
}
