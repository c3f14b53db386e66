namespace Crema.Scalers.Kafka.Protocol;

/// <summary>A Kafka request failed: a broker error code, a malformed response, a timeout or a lost connection.</summary>
internal sealed class KafkaProtocolException : Exception
{
    public KafkaProtocolException(string message, KafkaErrorCode errorCode = KafkaErrorCode.None, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = errorCode;
    }

    public KafkaProtocolException()
    {
    }

    public KafkaProtocolException(string message)
        : base(message)
    {
    }

    public KafkaProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The broker's error code, or None when the failure is not a broker error.</summary>
    public KafkaErrorCode ErrorCode { get; }
}
