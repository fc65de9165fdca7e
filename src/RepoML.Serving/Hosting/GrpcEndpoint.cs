using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RepoML.Serving.Hosting;

/// <summary>Where the server answers gRPC (registered only when <see cref="ServingOptions.GrpcUrl"/> is set).</summary>
public sealed class GrpcEndpoint(string url)
{
    /// <summary>The address as configured (its port may be 0).</summary>
    public string Url { get; } = url;

    internal ListenOptions? Listener { get; set; }

    /// <summary>The address gRPC clients call, with the port the system picked for port 0: known once the server started.</summary>
    public Uri Address
    {
        get
        {
            var configured = new Uri(Url);
            var port = Listener?.IPEndPoint?.Port is > 0 and var bound ? bound : configured.Port;
            return new UriBuilder(configured) { Port = port, Path = "/" }.Uri;
        }
    }
}
