using System.Security.Cryptography;
using Crema.Abstractions;

namespace Crema.Scalers.Redis;

/// <summary>
/// Binds the connection part every Redis trigger shares (KEDA's redisConnectionInfo and its Validate):
/// address(es) or host(s) + port(s), credentials, databaseIndex and TLS.
/// </summary>
internal static class RedisConnectionBinder
{
    /// <summary>The connection settings and database index; problems are recorded on the binder.</summary>
    public static (RedisConnectionSettings Settings, int DatabaseIndex) Bind(MetadataBinder binder, RedisTopology topology)
    {
        var endpoints = BindEndpoints(binder, topology);
        var username = Blank(binder.String(RedisKeys.Username));
        var password = Blank(binder.String(RedisKeys.Password));
        var sentinelUsername = Blank(binder.String(RedisKeys.SentinelUsername));
        var sentinelPassword = Blank(binder.String(RedisKeys.SentinelPassword));
        var sentinelMaster = Blank(binder.String(RedisKeys.SentinelMaster));
        if (topology == RedisTopology.Sentinel && !binder.Has(RedisKeys.SentinelMaster))
        {
            binder.Fail(RedisKeys.SentinelMaster.Name, "is required: the name of the primary the sentinels monitor");
        }

        var databaseIndex = binder.Int(RedisKeys.DatabaseIndex, 0);
        binder.Check(topology != RedisTopology.Cluster || databaseIndex == 0, RedisKeys.DatabaseIndex.Name,
            $"must be 0 for a Redis Cluster, which has only database 0; found {databaseIndex}");

        var tls = BindTls(binder);
        var settings = new RedisConnectionSettings(topology, endpoints, username, password, sentinelUsername, sentinelPassword,
            topology == RedisTopology.Sentinel ? sentinelMaster : null, tls);
        return (settings, databaseIndex);
    }

    private static IReadOnlyList<RedisEndpoint> BindEndpoints(MetadataBinder binder, RedisTopology topology)
    {
        var several = topology != RedisTopology.Standalone;
        var addressName = several ? "addresses" : "address";
        var addresses = binder.List(RedisKeys.Address);
        var hosts = binder.List(RedisKeys.Host);
        var ports = binder.List(RedisKeys.Port);

        // While validating, a value from a secret or the environment is present but unknown.
        bool Given(MetadataKey key, IReadOnlyList<string> values) => values.Count > 0 || (binder.Context.ValidationOnly && binder.Has(key));
        var hasAddress = Given(RedisKeys.Address, addresses);
        var hasHosts = Given(RedisKeys.Host, hosts);
        var hasPorts = Given(RedisKeys.Port, ports);

        var endpoints = new List<RedisEndpoint>();
        foreach (var address in addresses)
        {
            if (RedisEndpoint.Parse(address) is { } endpoint)
            {
                endpoints.Add(endpoint);
            }
            else
            {
                binder.Fail(addressName, $"\"{address}\" is not host:port");
            }
        }
        if (hosts.Count > 0 && ports.Count > 0)
        {
            if (hosts.Count != ports.Count)
            {
                binder.Fail(several ? "ports" : "port", $"not enough hosts or ports given: {hosts.Count} host(s) and {ports.Count} port(s); give one port per host");
            }
            else
            {
                // KEDA adds host:port pairs after the addresses.
                for (var i = 0; i < hosts.Count; i++)
                {
                    if (RedisEndpoint.ParsePort(ports[i]) is { } port)
                    {
                        endpoints.Add(new RedisEndpoint(hosts[i].Trim('[', ']'), port));
                    }
                    else
                    {
                        binder.Fail(several ? "ports" : "port", $"\"{ports[i]}\" is not a port number (1-65535)");
                    }
                }
            }
        }

        if (!hasAddress && !(hasHosts && hasPorts))
        {
            if (hasHosts)
            {
                binder.Fail(several ? "ports" : "port", $"is required with {(several ? "hosts" : "host")} (or give {addressName} as host:port)");
            }
            else if (hasPorts)
            {
                binder.Fail(several ? "hosts" : "host", $"is required with {(several ? "ports" : "port")} (or give {addressName} as host:port)");
            }
            else
            {
                binder.Fail(addressName, several
                    ? "is required: give addresses (comma-separated host:port) or hosts and ports, in metadata or as parameters of the trigger's authenticationRef"
                    : "is required: give address (host:port) or host and port, in metadata or as parameters of the trigger's authenticationRef");
            }
        }
        // A single server uses the first address only, as KEDA does.
        return several || endpoints.Count == 0 ? endpoints : [endpoints[0]];
    }

    private static RedisTlsSettings? BindTls(MetadataBinder binder)
    {
        var inMetadata = binder.Has(RedisKeys.EnableTls);
        var inAuth = binder.Has(RedisKeys.Tls);
        var enableTls = binder.Bool(RedisKeys.EnableTls, false);
        var tls = binder.String(RedisKeys.Tls);
        var unsafeSsl = binder.Bool(RedisKeys.UnsafeSsl, false);
        if (inMetadata && inAuth)
        {
            binder.Fail(RedisKeys.Tls.Name, "cannot be set both as enableTLS in metadata and as tls in the trigger's authenticationRef; give one", MetadataSource.AuthParams);
            return null;
        }
        var enabled = inAuth
            ? binder.Context.ValidationOnly || string.Equals(tls, "enable", StringComparison.OrdinalIgnoreCase)
            : enableTls;
        var ca = Blank(binder.String(RedisKeys.Ca));
        var cert = Blank(binder.String(RedisKeys.Cert));
        var key = Blank(binder.String(RedisKeys.Key));
        var keyPassword = Blank(binder.String(RedisKeys.KeyPassword));
        if (!enabled)
        {
            return null;
        }
        if (binder.Has(RedisKeys.Cert) != binder.Has(RedisKeys.Key))
        {
            binder.Fail(binder.Has(RedisKeys.Cert) ? RedisKeys.Key.Name : "cert",
                "is required with " + (binder.Has(RedisKeys.Cert) ? "cert" : "key") + " for a client certificate" + MetadataError.AuthenticationRefHint,
                MetadataSource.AuthParams);
        }
        var settings = new RedisTlsSettings(unsafeSsl, ca, cert, key, keyPassword);
        if (!binder.Context.ValidationOnly)
        {
            CheckPem(binder, settings);
        }
        return settings;
    }

    /// <summary>Loads the PEM texts once, so a bad certificate is a configuration error, not a failed read.</summary>
    private static void CheckPem(MetadataBinder binder, RedisTlsSettings settings)
    {
        try
        {
            foreach (var ca in settings.LoadCas())
            {
                ca.Dispose();
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            binder.Fail(RedisKeys.Ca.Name, "is not a PEM certificate", MetadataSource.AuthParams);
        }
        try
        {
            settings.LoadClientCertificate()?.Dispose();
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            binder.Fail(CertNameUsed(binder), settings.KeyPassword is null
                ? "with key is not a PEM certificate and private key that belong together"
                : "with key and keyPassword is not a PEM certificate and encrypted private key that belong together (check keyPassword)",
                MetadataSource.AuthParams);
        }
    }

    /// <summary>KEDA reads <c>Cert</c> before <c>cert</c>; a message names the one given.</summary>
    private static string CertNameUsed(MetadataBinder binder) => binder.Context.AuthParams.ContainsKey("Cert") ? "Cert" : "cert";

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
