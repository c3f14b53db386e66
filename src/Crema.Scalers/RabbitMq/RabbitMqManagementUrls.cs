using System.Globalization;

namespace Crema.Scalers.RabbitMq;

/// <summary>
/// The management API URLs KEDA requests: <c>{base}{path}/api/queues/{vhost}/{queue}</c>, or with useRegex
/// <c>{base}{path}/api/queues/{vhost}?page=1&amp;use_regex=true&amp;pagination=false&amp;name={regex}&amp;page_size={n}</c>.
/// The last segment of the host URL's path is the vhost (unless vhostName is set); what precedes it is a
/// path prefix (a reverse proxy's sub-path). No vhost means the default vhost <c>/</c> (<c>%2F</c>).
/// </summary>
internal static class RabbitMqManagementUrls
{
    /// <summary>The default vhost, escaped as a path segment.</summary>
    public const string RootVhostPath = "/%2F";

    /// <summary>
    /// KEDA's getVhostAndPathFromURL: from the URL's escaped path, the vhost segment (with its leading
    /// slash, still escaped) and the path prefix before it ("" or "/a/b").
    /// </summary>
    public static (string VhostPath, string Prefix) VhostAndPrefix(string rawPath, string? vhostName)
    {
        var parts = rawPath.Split('/');
        var vhostPath = "/" + parts[^1];
        // path.Join in KEDA drops empty segments.
        var prefix = string.Join('/', parts[..^1].Where(p => p.Length > 0));
        if (prefix.Length > 0)
        {
            prefix = "/" + prefix;
        }
        if (!string.IsNullOrEmpty(vhostName))
        {
            vhostPath = "/" + Uri.EscapeDataString(vhostName);
        }
        if (vhostPath is "" or "/")
        {
            vhostPath = RootVhostPath;
        }
        return (vhostPath, prefix);
    }

    /// <summary>The vhost a management URL names, unescaped (for messages).</summary>
    public static string VhostName(string vhostPath) => Uri.UnescapeDataString(vhostPath[1..]);

    /// <summary>The origin of <paramref name="host"/> without user info: scheme://host:port.</summary>
    public static string Origin(Uri host) => $"{host.Scheme}://{host.Authority}";

    /// <summary>The URL of one queue.</summary>
    public static string Queue(Uri host, string? vhostName, string queueName)
    {
        var (vhost, prefix) = VhostAndPrefix(host.AbsolutePath, vhostName);
        return $"{Origin(host)}{prefix}/api/queues{vhost}/{Uri.EscapeDataString(queueName)}";
    }

    /// <summary>The URL listing the queues whose name matches <paramref name="pattern"/>, first page only (as KEDA).</summary>
    public static string Matching(Uri host, string? vhostName, string pattern, long pageSize)
    {
        var (vhost, prefix) = VhostAndPrefix(host.AbsolutePath, vhostName);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Origin(host)}{prefix}/api/queues{vhost}?page=1&use_regex=true&pagination=false&name={Uri.EscapeDataString(pattern)}&page_size={pageSize}");
    }

    /// <summary>
    /// A one-queue page of the vhost's queues, asked only to tell a missing vhost (404) from a missing queue;
    /// unlike /api/vhosts/{vhost} it is open to any user with the monitoring tag and access to the vhost.
    /// </summary>
    public static string Vhost(Uri host, string? vhostName)
    {
        var (vhost, prefix) = VhostAndPrefix(host.AbsolutePath, vhostName);
        return $"{Origin(host)}{prefix}/api/queues{vhost}?page=1&page_size=1";
    }
}
