namespace Crema.Scalers.Kafka;

/// <summary>
/// Reading offsets failed: a broker or the client said why. The message names the bootstrap
/// servers and the SASL user, never a password or token.
/// </summary>
internal sealed class KafkaReadException : Exception
{
    public KafkaReadException()
    {
    }

    public KafkaReadException(string message)
        : base(message)
    {
    }

    public KafkaReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
