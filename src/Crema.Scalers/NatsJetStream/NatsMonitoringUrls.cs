using System.Globalization;

namespace Crema.Scalers.NatsJetStream;

/// <summary>
/// The monitoring URLs KEDA builds: /jsz for the account (with <c>config</c> and <c>consumers</c>), /varz of
/// the configured endpoint, and, in a cluster, the same URLs on each node, on the configured port.
/// </summary>
internal static class NatsMonitoringUrls
{
    /// <summary>True for <c>host</c>, <c>host:port</c> or <c>[v6]:port</c>: an endpoint with nothing else in it.</summary>
    public static bool IsHostPort(string endpoint) =>
        endpoint.Length > 0
        && endpoint.IndexOfAny(['/', '?', '#', '@', '\\', ' ']) < 0
        && Uri.TryCreate("http://" + endpoint, UriKind.Absolute, out var uri)
        && uri.Host.Length > 0;

    /// <summary><c>{scheme}://{hostPort}/jsz?acc=..&amp;config=true&amp;consumers=true</c>, KEDA's parameters in its (sorted) order.</summary>
    public static string Jsz(string scheme, string hostPort, string accountId) =>
        $"{scheme}://{hostPort}/jsz?acc={Uri.EscapeDataString(accountId)}&config=true&consumers=true";

    /// <summary><c>{scheme}://{hostPort}/varz</c>.</summary>
    public static string Varz(string scheme, string hostPort) => $"{scheme}://{hostPort}/varz";

    /// <summary>
    /// The host of an advertised client URL (<c>nats-1.nats.svc:4222</c> gives <c>nats-1.nats.svc</c>), joined to the
    /// configured endpoint's port when it has one, as KEDA does: every node serves monitoring on the same port.
    /// </summary>
    public static string NodeHostPort(string connectUrl, string endpoint)
    {
        var host = HostOf(connectUrl);
        var port = PortOf(endpoint);
        if (port is null)
        {
            return host;
        }
        var bracketed = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        return $"{bracketed}:{port.Value.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// For a cluster that advertises no client URLs KEDA takes the node name as the first label of each route URL
    /// (<c>nats-1.nats.nats.svc:6222</c> gives <c>nats-1</c>) and reaches it as <c>{node}.{endpoint}</c> (a headless service).
    /// </summary>
    public static string NodeName(string routeUrl)
    {
        var dot = routeUrl.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? routeUrl : routeUrl[..dot];
    }

    private static string HostOf(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var end = hostPort.IndexOf(']', StringComparison.Ordinal);
            return end < 0 ? hostPort : hostPort[..(end + 1)];
        }
        var colon = hostPort.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? hostPort : hostPort[..colon];
    }

    private static int? PortOf(string endpoint)
    {
        var end = endpoint.StartsWith('[') ? endpoint.IndexOf(']', StringComparison.Ordinal) : -1;
        var colon = endpoint.LastIndexOf(':');
        return colon > end && int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }
}
