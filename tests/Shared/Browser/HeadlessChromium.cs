using Microsoft.Playwright;

namespace RepoML.Tests.Shared;

/// <summary>
/// Debian's <c>chromium</c> driven by Playwright (no browser download): open a page, act on it, read its rendered DOM, and
/// collect console errors and uncaught exceptions so a test can assert there were none.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    /// <summary>Errors seen on any page: console messages of type error and uncaught exceptions.</summary>
    public List<string> Errors { get; } = [];

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumCommandLine.FindExecutable() ?? throw new InvalidOperationException("chromium is not installed"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>Opens <paramref name="file"/> from disk (a <c>file://</c> URL, optionally with a query) in a new page.</summary>
    public async Task<IPage> OpenAsync(string file, string query = "")
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"{page.Url}: uncaught {error}");
        await page.GotoAsync(new Uri(file).AbsoluteUri + query);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
