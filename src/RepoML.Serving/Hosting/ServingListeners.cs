using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RepoML.Serving.Hosting;

/// <summary>
/// The port policy. REST is HTTP/1.1 on the host's address; gRPC is cleartext HTTP/2 ("prior knowledge" h2c) on an
/// address of its own, as KServe (8080/8081) and Triton (8000/8001) lay them out. One port cannot carry both: without
/// TLS there is no ALPN to choose the protocol, and Kestrel serves a cleartext HTTP/1.1-and-2 endpoint as HTTP/1.1 only
/// (dotnet/aspnetcore#56984). Kestrel binds either the addresses configured in code or the host's URLs, never both,
/// so with gRPC's address in code the host's URLs (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>UseUrls</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>) are moved into code as well.
/// </summary>
public static class ServingListeners
{
    private const string UrlsKey = "urls";
    private const string HttpPortsKey = "http_ports";

    /// <summary>Adds the gRPC listener at <paramref name="grpcUrl"/> and keeps the host's REST URLs listening.</summary>
    public static GrpcEndpoint AddGrpcListener(WebApplicationBuilder builder, string grpcUrl)
    {
        var rest = HostUrls(builder.Configuration[UrlsKey], builder.Configuration[HttpPortsKey]);
        if (rest.Count > 0)
        {
            builder.WebHost.UseSetting(UrlsKey, "");
            builder.WebHost.UseSetting(HttpPortsKey, "");
        }

        var endpoint = new GrpcEndpoint(grpcUrl);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in rest)
            {
                Listen(kestrel, url, HttpProtocols.Http1);
            }

            endpoint.Listener = Listen(kestrel, grpcUrl, HttpProtocols.Http2);
        });
        return endpoint;
    }

    /// <summary>Listens on an <c>http://host:port</c> address (<c>localhost</c>, an IP address, or <c>*</c> for every one) with <paramref name="protocols"/>.</summary>
    /// <exception cref="InvalidOperationException">Not an http:// address: the server speaks cleartext; TLS ends in front of it.</exception>
    public static ListenOptions Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols)
    {
        var address = BindingAddress.Parse(url);
        if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{url}: the scoring server listens on http:// addresses only; end TLS in front of it");
        }

        ListenOptions? listener = null;
        void Configure(ListenOptions options)
        {
            options.Protocols = protocols;
            listener = options;
        }

        if (address.IsUnixPipe)
        {
            kestrel.ListenUnixSocket(address.UnixPipePath, Configure);
        }
        else if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Configure);
        }
        else if (IPAddress.TryParse(address.Host, out var ip))
        {
            kestrel.Listen(ip, address.Port, Configure);
        }
        else
        {
            kestrel.ListenAnyIP(address.Port, Configure); // "*", "+" or a host name, as Kestrel binds URLs
        }

        return listener!;
    }

    private static List<string> HostUrls(string? urls, string? httpPorts) => urls is { Length: > 0 }
        ? [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
        : [.. (httpPorts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}")];
}
