using System.Globalization;

namespace Crema.Scalers.Redis;

/// <summary>One <c>host:port</c> of a Redis server, node or sentinel, as the trigger names it.</summary>
/// <param name="Host">Host name or IP address (IPv6 without brackets); an empty host means this machine, as in Go.</param>
/// <param name="Port">TCP port, 1-65535.</param>
internal sealed record RedisEndpoint(string Host, int Port)
{
    /// <summary>The host to dial: Go (and so KEDA) reads <c>:6379</c> as the local machine.</summary>
    public string DialHost => Host.Length == 0 ? "localhost" : Host;

    /// <summary>Parses <c>host:port</c> or <c>[v6]:port</c>; null when it is neither.</summary>
    public static RedisEndpoint? Parse(string text)
    {
        text = text.Trim();
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return null;
        }
        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            return null; // an IPv6 address needs brackets to be told from its port
        }
        return ParsePort(text[(colon + 1)..]) is { } port ? new RedisEndpoint(host, port) : null;
    }

    /// <summary>A port number 1-65535, or null.</summary>
    public static int? ParsePort(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : null;

    /// <inheritdoc />
    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}" : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
