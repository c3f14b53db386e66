namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// Metadata v1-v8: topics (nullable: null = all topics) [name STRING], v4+ allow_auto_topic_creation
/// BOOLEAN, v8+ include_cluster_authorized_operations BOOLEAN, include_topic_authorized_operations BOOLEAN.
/// </summary>
internal sealed class MetadataRequest(IReadOnlyList<string>? topics) : IKafkaRequest<MetadataResponse>
{
    public ApiKey Api => ApiKey.Metadata;

    public VersionRange Versions => new(1, 8);

    public IReadOnlyList<string>? Topics => topics;

    public void Write(KafkaWriter writer, short version)
    {
        writer.Array(topics, (w, t) => w.String(t));
        if (version >= 4)
        {
            writer.Bool(false);
        }
        if (version >= 8)
        {
            writer.Bool(false).Bool(false);
        }
    }

    public MetadataResponse ReadResponse(KafkaReader reader, short version) => MetadataResponse.Read(reader, version);
}
