using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RepoML.Cli.Tests.Support;

/// <summary>An HTML report as headless Chromium renders it: the DOM after scripts and layout, and a screenshot of the page.</summary>
internal sealed record RenderedPage(IHtmlDocument Dom, string Screenshot)
{
    public static async Task<RenderedPage> LoadAsync(string html, int height) =>
        new(new HtmlParser().ParseDocument(await ChromiumCommandLine.DumpDomAsync(html)),
            await ChromiumCommandLine.ScreenshotAsync(html, height: height));

    /// <summary>The text of each element <paramref name="selector"/> finds below <paramref name="scope"/>, in document order.</summary>
    public static List<string> Texts(IElement scope, string selector) => [.. scope.QuerySelectorAll(selector).Select(e => e.TextContent)];
}
