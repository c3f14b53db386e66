using Crema.Abstractions;
using Crema.Scalers.Redis;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Redis;

/// <summary>
/// Binds KEDA's redis_scaler_test.go and redis_streams_scaler_test.go cases with the real factories and renders the
/// result in one line, so a table row states KEDA's expectation: the endpoints, then what is read, then every
/// connection setting that is not a default (<c>a:1,b:2; list mylist length 5 activation 0; user u; tls unsafe</c>),
/// or <c>ERROR key: message; ...</c> with every error.
/// </summary>
internal static class RedisKedaCases
{
    /// <summary>KEDA's testRedisResolvedEnv (the streams tests' own maps are given per row).</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["REDIS_HOST"] = "none",
        ["REDIS_PORT"] = "6379",
        ["REDIS_USERNAME"] = "none",
        ["REDIS_PASSWORD"] = "none",
        ["REDIS_SENTINEL_MASTER"] = "none",
        ["REDIS_SENTINEL_USERNAME"] = "none",
        ["REDIS_SENTINEL_PASSWORD"] = "none",
    };

    private static readonly Lazy<RedisTestCertificates> Pem = new(() => RedisTestCertificates.Create(files: false));

    /// <summary>
    /// Binds a row of <paramref name="type"/> as KEDA's tests would, with two adjustments for what Crema checks
    /// when the config is read and KEDA only when it connects: a sentinel row that names no sentinelMaster gets
    /// <c>sentinelMaster=mymaster</c> (KEDA parses every topology with one function), and KEDA's placeholder
    /// certificates (<c>caaa</c>, <c>ceert</c>, <c>keey</c>, <c>keeyPassword</c>) become real PEM from a test CA
    /// (<paramref name="adjusted"/> false makes neither change; the tables show both errors once that way).
    /// </summary>
    public static string Bind(string type, string metadata, string auth, IReadOnlyDictionary<string, string>? environment = null, bool adjusted = true)
    {
        var map = TestTriggers.Parse(metadata);
        var authParams = TestTriggers.Parse(auth);
        if (adjusted)
        {
            Replace(authParams, "ca", "caaa", Pem.Value.CaPem);
            Replace(authParams, "cert", "ceert", Pem.Value.ClientCertificatePem);
            Replace(authParams, "key", "keey", authParams.ContainsKey("keyPassword") ? Pem.Value.EncryptedClientKeyPem : Pem.Value.ClientKeyPem);
            Replace(authParams, "keyPassword", "keeyPassword", RedisTestCertificates.KeyPassword);
        }
        if (adjusted && type.StartsWith("redis-sentinel", StringComparison.Ordinal)
            && !map.ContainsKey("sentinelMaster") && !map.ContainsKey("sentinelMasterFromEnv") && !authParams.ContainsKey("sentinelMaster"))
        {
            map["sentinelMaster"] = "mymaster";
        }
        var context = TestTriggers.For(type, map, authParams, environment: environment ?? Environment);
        var topology = type switch
        {
            _ when type.StartsWith("redis-cluster", StringComparison.Ordinal) => RedisTopology.Cluster,
            _ when type.StartsWith("redis-sentinel", StringComparison.Ordinal) => RedisTopology.Sentinel,
            _ => RedisTopology.Standalone,
        };
        if (type.EndsWith("-streams", StringComparison.Ordinal))
        {
            var (streams, streamErrors) = new RedisStreamsScalerFactory(topology).BindForTest(context);
            return streamErrors.Count > 0 ? Errors(streamErrors) : Describe(streams);
        }
        var (list, errors) = new RedisListScalerFactory(topology).BindForTest(context);
        return errors.Count > 0 ? Errors(errors) : Describe(list);
    }

    public static string Describe(RedisListMetadata m) =>
        Join(m.Connection, $"list {m.ListName} length {m.ListLength} activation {m.ActivationListLength}", m.DatabaseIndex);

    public static string Describe(RedisStreamsMetadata m) =>
        Join(m.Connection, $"stream {m.Stream} {m.Mode} {m.Target} activation {m.ActivationLagCount}" + (m.ConsumerGroup is null ? "" : $" group {m.ConsumerGroup}"), m.DatabaseIndex);

    private static string Join(RedisConnectionSettings c, string read, int database)
    {
        var parts = new List<string> { string.Join(",", c.Endpoints), read };
        void Add(string label, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{label} {value}");
            }
        }
        Add("user", c.Username);
        Add("password", c.Password);
        Add("sentinel user", c.SentinelUsername);
        Add("sentinel password", c.SentinelPassword);
        Add("master", c.SentinelMaster);
        if (database != 0)
        {
            parts.Add($"db {database}");
        }
        if (c.Tls is { } tls)
        {
            parts.Add("tls" + (tls.UnsafeSsl ? " unsafe" : "") + (tls.CaPem is null ? "" : " ca") + (tls.CertPem is null ? "" : " cert")
                + (tls.KeyPassword is null ? "" : " keypassword"));
        }
        return string.Join("; ", parts);
    }

    private static void Replace(Dictionary<string, string> parameters, string key, string placeholder, string value)
    {
        if (parameters.TryGetValue(key, out var given) && given == placeholder)
        {
            parameters[key] = value;
        }
    }

    private static string Errors(IReadOnlyList<MetadataError> errors) => "ERROR " + string.Join("; ", errors.Select(e => e.ToString()));
}
