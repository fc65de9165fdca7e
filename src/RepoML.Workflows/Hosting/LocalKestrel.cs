using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RepoML.Workflows.Hosting;

/// <summary>
/// How the workflows host a local web server (<c>repoml serve</c>, <c>repoml site --serve</c>): Kestrel in this process,
/// production settings, one-line console logging of warnings and worse, listening where the user asked.
/// </summary>
internal static class LocalKestrel
{
    /// <summary>A builder rooted at <paramref name="contentRoot"/> whose Kestrel listens on <paramref name="url"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(string contentRoot, string url)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Production", Args = [] });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        return builder;
    }

    /// <summary>The first address a started <paramref name="app"/> listens on (the real port when the request was 0).</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
