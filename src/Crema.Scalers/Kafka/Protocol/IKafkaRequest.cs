namespace Crema.Scalers.Kafka.Protocol;

/// <summary>One request type: its API, the versions this client can encode, and how to read its response.</summary>
internal interface IKafkaRequest<out TResponse>
{
    ApiKey Api { get; }

    /// <summary>The versions this client implements; the connection picks the highest the broker also knows.</summary>
    VersionRange Versions { get; }

    void Write(KafkaWriter writer, short version);

    TResponse ReadResponse(KafkaReader reader, short version);
}
