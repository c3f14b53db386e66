using Confluent.Kafka;

namespace Crema.Scalers.Kafka;

/// <summary>
/// What librdkafka reported about a client's connections. librdkafka retries connections by itself
/// and reports failures as events, not as results of the request that waits for them; this turns
/// the events into a reason for that request (the last one seen) and fails requests in flight at
/// once when the brokers cannot be reached or refuse the credentials.
/// </summary>
internal sealed class KafkaClientErrors
{
    private readonly Lock gate = new();
    private string? lastReason;
    private TaskCompletionSource<string> failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The last error event since the last successful request, or null.</summary>
    public string? LastReason
    {
        get
        {
            lock (gate)
            {
                return lastReason;
            }
        }
    }

    /// <summary>Completes when a connection failure is reported after this call (each call starts afresh once one was reported).</summary>
    public Task<string> NextFailure()
    {
        lock (gate)
        {
            if (failure.Task.IsCompleted)
            {
                failure = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return failure.Task;
        }
    }

    public void Report(Error error) => Report(error.Reason, IsConnectionFailure(error));

    public void Report(string reason, bool connectionFailure)
    {
        lock (gate)
        {
            lastReason = reason;
            if (connectionFailure)
            {
                failure.TrySetResult(reason);
            }
        }
    }

    /// <summary>A request succeeded: earlier events no longer explain anything.</summary>
    public void Clear()
    {
        lock (gate)
        {
            lastReason = null;
        }
    }

    /// <summary>Refused credentials, a failed TLS handshake, no broker reachable or a fatal error.</summary>
    internal static bool IsConnectionFailure(Error error) =>
        error.IsFatal || error.Code is ErrorCode.Local_Authentication or ErrorCode.Local_Ssl or ErrorCode.Local_AllBrokersDown
            or ErrorCode.SaslAuthenticationFailed or ErrorCode.Local_Resolve or ErrorCode.TopicAuthorizationFailed or ErrorCode.GroupAuthorizationFailed;
}
