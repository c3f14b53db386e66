namespace Crema.Scalers.RabbitMq;

/// <summary>A RabbitMQ queue could not be read. The message names the server and the user, never a secret.</summary>
internal sealed class RabbitMqException : Exception
{
    public RabbitMqException()
    {
    }

    public RabbitMqException(string message) : base(message)
    {
    }

    public RabbitMqException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
