namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// ApiVersions response v0: error_code INT16, api_keys [api_key INT16 min_version INT16 max_version INT16].
/// Newer brokers may append fields even to a v0 answer of UNSUPPORTED_VERSION, so trailing bytes are ignored.
/// </summary>
internal sealed record ApiVersionsResponse(short ErrorCode, IReadOnlyDictionary<short, VersionRange> Versions)
{
    public static ApiVersionsResponse Read(KafkaReader reader)
    {
        var errorCode = reader.Int16();
        var versions = new Dictionary<short, VersionRange>();
        foreach (var (key, range) in reader.Array(r => (r.Int16(), new VersionRange(r.Int16(), r.Int16()))))
        {
            versions[key] = range;
        }
        return new ApiVersionsResponse(errorCode, versions);
    }
}
