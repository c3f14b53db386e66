namespace Crema.Scalers.Kafka.Protocol;

/// <summary>The Kafka API keys this client speaks (kafka.apache.org/protocol#protocol_api_keys).</summary>
internal enum ApiKey : short
{
    ListOffsets = 2,
    Metadata = 3,
    OffsetFetch = 9,
    FindCoordinator = 10,
    SaslHandshake = 17,
    ApiVersions = 18,
    SaslAuthenticate = 36,
}
