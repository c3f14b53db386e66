namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// ApiVersions v0 (empty body). Always sent first at version 0: v3+ is flexible and brokers that
/// do not know it cannot decode it, while every broker from 0.10 to 4.x answers v0.
/// </summary>
internal sealed class ApiVersionsRequest : IKafkaRequest<ApiVersionsResponse>
{
    public static ApiVersionsRequest Instance { get; } = new();

    public ApiKey Api => ApiKey.ApiVersions;

    public VersionRange Versions => new(0, 0);

    public void Write(KafkaWriter writer, short version)
    {
    }

    public ApiVersionsResponse ReadResponse(KafkaReader reader, short version) => ApiVersionsResponse.Read(reader);
}
