using System.Globalization;

namespace Crema.Scalers.Etcd;

/// <summary>
/// One etcd server as clientv3 takes it: <c>host:port</c>, or a URL whose scheme says the transport
/// (<c>http://</c> cleartext, <c>https://</c> TLS). Without a scheme, TLS follows the <c>tls</c> auth parameter.
/// </summary>
/// <param name="Host">Host name or IP address (IPv6 without brackets).</param>
/// <param name="Port">TCP port.</param>
/// <param name="Scheme">"http", "https", or null when the text had none.</param>
internal sealed record EtcdEndpoint(string Host, int Port, string? Scheme)
{
    /// <summary>host:port, for messages.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}");

    /// <summary>True when this endpoint is reached over TLS, given the trigger's <c>tls</c> setting.</summary>
    public bool UsesTls(bool tlsEnabled) => Scheme is null ? tlsEnabled : Scheme == Uri.UriSchemeHttps;

    /// <summary>The address for the gRPC channel.</summary>
    public Uri ToUri(bool tlsEnabled) => new($"{(UsesTls(tlsEnabled) ? Uri.UriSchemeHttps : Uri.UriSchemeHttp)}://{this}");

    /// <summary>Parses one entry of <c>endpoints</c>; on failure returns null and says why.</summary>
    public static EtcdEndpoint? Parse(string text, out string? error)
    {
        var target = text.Trim();
        string? scheme = null;
        var separator = target.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            scheme = target[..separator].ToLowerInvariant();
            if (scheme is not ("http" or "https"))
            {
                error = $"\"{text}\" has the scheme \"{target[..separator]}\"; give host:port, http://host:port or https://host:port";
                return null;
            }
            target = target[(separator + 3)..].TrimEnd('/');
        }
        error = $"\"{text}\" is not host:port";
        if (target.Length == 0 || target.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '@'))
        {
            return null;
        }
        var colon = target.LastIndexOf(':');
        var host = colon < 0 ? target : target[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
            if (!System.Net.IPAddress.TryParse(host, out _))
            {
                return null;
            }
        }
        else if (host.Length == 0 || host.Contains(':', StringComparison.Ordinal) || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            return null;
        }
        if (colon < 0)
        {
            error = $"\"{text}\" has no port (etcd serves clients on 2379)";
            return null;
        }
        if (!int.TryParse(target[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"\"{text}\" has no valid port (1-65535)";
            return null;
        }
        error = null;
        return new EtcdEndpoint(host, port, scheme);
    }
}
