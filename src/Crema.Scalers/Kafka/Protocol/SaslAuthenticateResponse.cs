namespace Crema.Scalers.Kafka.Protocol;

/// <summary>SaslAuthenticate response v0-v1: error_code INT16, error_message NULLABLE_STRING, auth_bytes BYTES, v1+ session_lifetime_ms INT64.</summary>
internal sealed record SaslAuthenticateResponse(short ErrorCode, string? ErrorMessage, byte[] AuthBytes)
{
    public static SaslAuthenticateResponse Read(KafkaReader reader, short version)
    {
        var response = new SaslAuthenticateResponse(reader.Int16(), reader.NullableString(), reader.Bytes());
        if (version >= 1)
        {
            reader.Int64();
        }
        reader.EnsureEnd();
        return response;
    }
}
