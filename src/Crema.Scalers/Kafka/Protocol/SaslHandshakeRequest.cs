namespace Crema.Scalers.Kafka.Protocol;

/// <summary>SaslHandshake v1: mechanism STRING. v1 means the tokens then travel in SaslAuthenticate requests.</summary>
internal sealed class SaslHandshakeRequest(string mechanism) : IKafkaRequest<SaslHandshakeResponse>
{
    public ApiKey Api => ApiKey.SaslHandshake;

    public VersionRange Versions => new(1, 1);

    public void Write(KafkaWriter writer, short version) => writer.String(mechanism);

    public SaslHandshakeResponse ReadResponse(KafkaReader reader, short version) => SaslHandshakeResponse.Read(reader);
}
