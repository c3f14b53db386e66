namespace Crema.Scalers.Kafka.Protocol;

/// <summary>SaslHandshake response v0-v1: error_code INT16, mechanisms [STRING].</summary>
internal sealed record SaslHandshakeResponse(short ErrorCode, IReadOnlyList<string> Mechanisms)
{
    public static SaslHandshakeResponse Read(KafkaReader reader)
    {
        var response = new SaslHandshakeResponse(reader.Int16(), reader.Array(r => r.String()));
        reader.EnsureEnd();
        return response;
    }
}
