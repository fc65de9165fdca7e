using System.Net;
using System.Net.Sockets;

namespace RepoML.Tests.Shared;

/// <summary>Picks a TCP port on 127.0.0.1 that is free right now, for a test server or tool to listen on.</summary>
internal static class FreePort
{
    /// <summary>A port the system hands out for 127.0.0.1:0, released again before it returns.</summary>
    public static int Pick()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
