using System.Net;
using System.Net.Sockets;

namespace Crema.Tests.Support;

/// <summary>Picks a loopback TCP port that was free a moment ago (nothing listens on it once this returns).</summary>
internal static class FreeTcpPort
{
    /// <summary>A port on 127.0.0.1 to start a server on, or to dial when a refused connection is wanted.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
