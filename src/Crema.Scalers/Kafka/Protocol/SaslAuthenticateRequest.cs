namespace Crema.Scalers.Kafka.Protocol;

/// <summary>SaslAuthenticate v0-v1: auth_bytes BYTES.</summary>
internal sealed class SaslAuthenticateRequest(byte[] authBytes) : IKafkaRequest<SaslAuthenticateResponse>
{
    public ApiKey Api => ApiKey.SaslAuthenticate;

    public VersionRange Versions => new(0, 1);

    public void Write(KafkaWriter writer, short version) => writer.Bytes(authBytes);

    public SaslAuthenticateResponse ReadResponse(KafkaReader reader, short version) => SaslAuthenticateResponse.Read(reader, version);
}
