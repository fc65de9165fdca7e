using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RepoML.Tests.Shared;

/// <summary>Runs an ASP.NET Core app in a test on a real Kestrel at 127.0.0.1, on a port the system picks, without logging.</summary>
internal static class LoopbackKestrel
{
    /// <summary>A builder whose Kestrel listens on 127.0.0.1:0, over HTTPS with <paramref name="certificate"/> when one is given.</summary>
    public static WebApplicationBuilder CreateBuilder(WebApplicationOptions? options = null, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateBuilder(options ?? new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        return builder;
    }

    /// <summary>Starts <paramref name="app"/> and returns the address it listens on, ending in a slash.</summary>
    public static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    /// <summary>Stops <paramref name="app"/> gracefully, then disposes it.</summary>
    public static async ValueTask StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
