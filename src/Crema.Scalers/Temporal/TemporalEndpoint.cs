using System.Globalization;
using System.Net;

namespace Crema.Scalers.Temporal;

/// <summary>
/// The Temporal frontend's address as KEDA takes it: <c>host:port</c> (a gRPC target, so also
/// <c>dns:///host:port</c>; <c>[v6]:port</c>). Without a port, 443, as gRPC's DNS resolver assumes.
/// </summary>
/// <param name="Host">Host name or IP address (IPv6 without brackets).</param>
/// <param name="Port">TCP port.</param>
internal sealed record TemporalEndpoint(string Host, int Port)
{
    /// <summary>gRPC's default port for a target without one.</summary>
    public const int DefaultPort = 443;

    private static readonly string[] TargetSchemes = ["dns:///", "passthrough:///"];

    /// <summary>The endpoint as the user wrote it, normalized (for messages).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}");

    /// <summary>The HTTP/2 address for the channel.</summary>
    public Uri ToUri(bool tls) => new($"{(tls ? Uri.UriSchemeHttps : Uri.UriSchemeHttp)}://{this}");

    /// <summary>Parses <paramref name="text"/>; on failure returns null and says why.</summary>
    public static TemporalEndpoint? Parse(string text, out string? error)
    {
        var target = text.Trim();
        foreach (var scheme in TargetSchemes)
        {
            if (target.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                target = target[scheme.Length..];
                break;
            }
        }
        error = $"\"{text}\" is not host:port";
        if (target.Contains("://", StringComparison.Ordinal))
        {
            error = $"\"{text}\" is a URL; give host:port (TLS follows from apiKey or cert and key, not from a scheme)";
            return null;
        }
        if (target.Length == 0 || target.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '@'))
        {
            return null;
        }

        string host;
        string? port;
        if (target.StartsWith('['))
        {
            var close = target.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(target[1..close], out _))
            {
                return null;
            }
            host = target[1..close];
            var rest = target[(close + 1)..];
            if (rest.Length > 0 && !rest.StartsWith(':'))
            {
                return null;
            }
            port = rest.Length > 0 ? rest[1..] : null;
        }
        else
        {
            var colons = target.Count(c => c == ':');
            if (colons > 1)
            {
                // A bare IPv6 address: gRPC needs brackets to tell a port from the address.
                error = $"\"{text}\" is not host:port (write an IPv6 address in brackets: [::1]:7233)";
                return null;
            }
            var colon = target.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? target : target[..colon];
            port = colon < 0 ? null : target[(colon + 1)..];
        }
        if (host.Length == 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            return null;
        }
        if (port is null)
        {
            error = null;
            return new TemporalEndpoint(host, DefaultPort);
        }
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            error = $"\"{text}\" has no valid port (1-65535)";
            return null;
        }
        error = null;
        return new TemporalEndpoint(host, number);
    }
}
