namespace Crema.Scalers.Kafka.Protocol;

/// <summary>FindCoordinator v0-v2: key STRING, v1+ key_type INT8 (0 = consumer group).</summary>
internal sealed class FindCoordinatorRequest(string groupId) : IKafkaRequest<FindCoordinatorResponse>
{
    public ApiKey Api => ApiKey.FindCoordinator;

    public VersionRange Versions => new(0, 2);

    public void Write(KafkaWriter writer, short version)
    {
        writer.String(groupId);
        if (version >= 1)
        {
            writer.Int8(0);
        }
    }

    public FindCoordinatorResponse ReadResponse(KafkaReader reader, short version) => FindCoordinatorResponse.Read(reader, version);
}
