using Grpc.Core;

namespace Crema.Scalers.Etcd;

/// <summary>An etcd call that failed; the message names the server and the user, never a secret.</summary>
internal sealed class EtcdReadException : Exception
{
    public EtcdReadException()
    {
    }

    public EtcdReadException(string message)
        : base(message)
    {
    }

    public EtcdReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EtcdReadException(string message, StatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The gRPC status the call ended with (DEADLINE_EXCEEDED for Crema's own deadline; OK for a bad reply).</summary>
    public StatusCode StatusCode { get; } = StatusCode.OK;
}
