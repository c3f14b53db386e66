namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// FindCoordinator response v0-v2: v1+ throttle_time_ms INT32; error_code INT16; v1+ error_message
/// NULLABLE_STRING; node_id INT32; host STRING; port INT32.
/// </summary>
internal sealed record FindCoordinatorResponse(short ErrorCode, string? ErrorMessage, int NodeId, string Host, int Port)
{
    public static FindCoordinatorResponse Read(KafkaReader reader, short version)
    {
        if (version >= 1)
        {
            reader.Int32();
        }
        var errorCode = reader.Int16();
        var message = version >= 1 ? reader.NullableString() : null;
        var response = new FindCoordinatorResponse(errorCode, message, reader.Int32(), reader.String(), reader.Int32());
        reader.EnsureEnd();
        return response;
    }
}
