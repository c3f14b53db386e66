namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// OffsetFetch v1-v5: group_id STRING, topics [name STRING partition_indexes [INT32]]; from v2 a
/// null topics array asks for every partition the group has committed.
/// </summary>
internal sealed class OffsetFetchRequest(string groupId, IReadOnlyDictionary<string, IReadOnlyList<int>>? topics)
    : IKafkaRequest<OffsetFetchResponse>
{
    public ApiKey Api => ApiKey.OffsetFetch;

    /// <summary>v2 is the lowest that can ask for all topics (null array).</summary>
    public VersionRange Versions => topics is null ? new(2, 5) : new(1, 5);

    public void Write(KafkaWriter writer, short version)
    {
        writer.String(groupId);
        writer.Array(
            topics?.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray(),
            (w, t) => w.String(t.Key).Array(t.Value, (w2, p) => w2.Int32(p)));
    }

    public OffsetFetchResponse ReadResponse(KafkaReader reader, short version) => OffsetFetchResponse.Read(reader, version);
}
