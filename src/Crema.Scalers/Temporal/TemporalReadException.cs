using Grpc.Core;

namespace Crema.Scalers.Temporal;

/// <summary>A Temporal call that failed; the message names the server and the identity, never a secret.</summary>
internal sealed class TemporalReadException : Exception
{
    public TemporalReadException()
    {
    }

    public TemporalReadException(string message)
        : base(message)
    {
    }

    public TemporalReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TemporalReadException(string message, StatusCode statusCode, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The gRPC status the call ended with (DEADLINE_EXCEEDED for Crema's own deadline).</summary>
    public StatusCode StatusCode { get; } = StatusCode.Unknown;
}
