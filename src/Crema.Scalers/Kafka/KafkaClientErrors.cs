using Confluent.Kafka;

namespace Crema.Scalers.Kafka;

/// <summary>
/// What librdkafka reported about a client's connections. librdkafka retries connections by itself
/// and reports failures as events, not as results of the request that waits for them; this turns
/// the events into a reason for that request (the last one seen) and fails requests at once when
/// the brokers cannot be reached or refuse the credentials (see <see cref="PendingFailure"/>),
/// instead of letting them wait for their timeout.
/// </summary>
internal sealed class KafkaClientErrors
{
    private readonly Lock gate = new();
    private string? lastReason;
    private string? lastDetail;
    private bool succeeded;
    private TaskCompletionSource<string> failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The last error event (or, without one, warning log line) since the last successful request, or null.</summary>
    public string? LastReason
    {
        get
        {
            lock (gate)
            {
                return lastReason ?? lastDetail;
            }
        }
    }

    /// <summary>
    /// Completes with the reason of a connection failure reported while the request runs, or, as long
    /// as the client never had a request succeed, since the last <see cref="Consume"/> of one (so a
    /// first read with a wrong password fails at once). Once the client has worked, a failure
    /// reported between requests (brokers closing idle connections also reads as "all brokers down")
    /// does not fail the next request before it is tried. Requests running at the same time share it.
    /// </summary>
    public Task<string> PendingFailure()
    {
        lock (gate)
        {
            if (succeeded && failure.Task.IsCompleted)
            {
                failure = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return failure.Task;
        }
    }

    /// <summary>A request that saw <paramref name="seen"/> has ended: a failure it reported is not reported again.</summary>
    public void Consume(Task<string> seen)
    {
        lock (gate)
        {
            if (seen.IsCompleted && ReferenceEquals(seen, failure.Task))
            {
                failure = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Report(Error error)
    {
        // "1/1 brokers are down" says that, not why: keep the broker's own reason beside it.
        if (error.Code == ErrorCode.Local_AllBrokersDown)
        {
            lock (gate)
            {
                var reason = lastDetail is null ? error.Reason : $"{lastDetail} ({error.Reason})";
                lastReason = reason;
                failure.TrySetResult(reason);
            }
            return;
        }
        Report(error.Reason, IsConnectionFailure(error));
    }

    public void Report(string reason, bool connectionFailure)
    {
        lock (gate)
        {
            lastReason = reason;
            lastDetail = reason;
            if (connectionFailure)
            {
                failure.TrySetResult(reason);
            }
        }
    }

    /// <summary>A librdkafka log line at warning level or worse: the detail of a connection failure (never a failure by itself).</summary>
    public void ReportLog(LogMessage log)
    {
        if (log.Level <= SyslogLevel.Warning)
        {
            lock (gate)
            {
                lastDetail = log.Message;
            }
        }
    }

    /// <summary>A request succeeded: earlier events no longer explain anything.</summary>
    public void Clear()
    {
        lock (gate)
        {
            lastReason = null;
            lastDetail = null;
            succeeded = true;
        }
    }

    /// <summary>Refused credentials, a failed TLS handshake, no broker reachable or a fatal error.</summary>
    internal static bool IsConnectionFailure(Error error) =>
        error.IsFatal || error.Code is ErrorCode.Local_Authentication or ErrorCode.Local_Ssl or ErrorCode.Local_AllBrokersDown
            or ErrorCode.SaslAuthenticationFailed or ErrorCode.Local_Resolve or ErrorCode.TopicAuthorizationFailed or ErrorCode.GroupAuthorizationFailed;
}
