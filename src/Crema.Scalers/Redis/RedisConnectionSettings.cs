using System.Security.Cryptography;
using System.Text;

namespace Crema.Scalers.Redis;

/// <summary>
/// Where and how a trigger connects to Redis (KEDA's redisConnectionInfo). Triggers whose settings are equal
/// share one connection. ToString and <see cref="Identity"/> never show a password.
/// </summary>
/// <param name="Topology">Standalone server, cluster or sentinel.</param>
/// <param name="Endpoints">The server (standalone: the first address only, as KEDA), the cluster's seed nodes, or the sentinels.</param>
/// <param name="Username">ACL user of the Redis servers; null for Redis's <c>default</c> user.</param>
/// <param name="Password">Password of the Redis servers, or null.</param>
/// <param name="SentinelUsername">ACL user of the sentinels, or null.</param>
/// <param name="SentinelPassword">Password of the sentinels, or null.</param>
/// <param name="SentinelMaster">The name of the primary the sentinels monitor (sentinel only).</param>
/// <param name="Tls">TLS settings, or null for plain TCP.</param>
internal sealed record RedisConnectionSettings(
    RedisTopology Topology,
    IReadOnlyList<RedisEndpoint> Endpoints,
    string? Username,
    string? Password,
    string? SentinelUsername,
    string? SentinelPassword,
    string? SentinelMaster,
    RedisTlsSettings? Tls)
{
    /// <summary>What makes two triggers' connections interchangeable, with secrets hashed.</summary>
    public string SharingKey => string.Join('\n',
        Topology,
        string.Join(',', Endpoints),
        Username ?? "-",
        Hash(Password),
        SentinelUsername ?? "-",
        Hash(SentinelPassword),
        SentinelMaster ?? "-",
        Tls?.SharingKey ?? "plain");

    /// <summary>The servers and the identity used, for messages: <c>redis 10.0.0.5:6379 as user "default"</c>.</summary>
    public string Identity
    {
        get
        {
            var user = $"as user \"{Username ?? "default"}\"";
            return Topology switch
            {
                RedisTopology.Cluster => $"redis cluster {string.Join(", ", Endpoints)} {user}",
                RedisTopology.Sentinel =>
                    $"redis primary \"{SentinelMaster}\" via sentinel {string.Join(", ", Endpoints)} {user} (sentinel user \"{SentinelUsername ?? "default"}\")",
                _ => $"redis {Endpoints[0]} {user}",
            } + (Tls is null ? "" : " over TLS");
        }
    }

    /// <summary>Every secret a message must never contain.</summary>
    public IEnumerable<string> Secrets() =>
        new[] { Password, SentinelPassword, Tls?.KeyPassword, Tls?.KeyPem }.Where(s => !string.IsNullOrEmpty(s))!;

    /// <inheritdoc />
    public override string ToString() => $"{nameof(RedisConnectionSettings)} {{ {Identity} }}";

    private static string Hash(string? text) =>
        text is null ? "-" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
