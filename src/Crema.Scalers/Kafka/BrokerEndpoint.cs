using System.Globalization;

namespace Crema.Scalers.Kafka;

/// <summary>A broker address; connections are pooled by it.</summary>
internal readonly record struct BrokerEndpoint(string Host, int Port)
{
    public const int DefaultPort = 9092;

    /// <summary>Parses <c>host:port</c>, <c>host</c> (port 9092) or <c>[v6addr]:port</c>.</summary>
    public static bool TryParse(string text, out BrokerEndpoint endpoint)
    {
        endpoint = default;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }
        string host;
        string? port = null;
        if (s[0] == '[')
        {
            var close = s.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }
            host = s[1..close];
            if (close + 1 < s.Length)
            {
                if (s[close + 1] != ':')
                {
                    return false;
                }
                port = s[(close + 2)..];
            }
        }
        else
        {
            var colon = s.LastIndexOf(':');
            host = colon < 0 ? s : s[..colon];
            port = colon < 0 ? null : s[(colon + 1)..];
        }
        var number = DefaultPort;
        if (host.Length == 0 || (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535)))
        {
            return false;
        }
        endpoint = new BrokerEndpoint(host, number);
        return true;
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
