using Microsoft.Extensions.Logging;

namespace Crema.Host.Leadership;

internal sealed partial class LeaseElector
{
    [LoggerMessage(Level = LogLevel.Information, Message = "lease {Lease}: {Identity} holds it (term {Term}, {DurationSeconds} s) and writes to Cloud Run")]
    private static partial void LogAcquired(ILogger logger, string lease, string identity, int term, double durationSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "lease {Lease}: held by {Holder} (term {Term}); {Identity} stands by: it reads and decides, and never writes to Cloud Run")]
    private static partial void LogStandingBy(ILogger logger, string lease, string identity, string holder, int term);

    [LoggerMessage(Level = LogLevel.Warning, Message = "lease {Lease}: {Identity} stopped writing to Cloud Run: {Reason}")]
    private static partial void LogLost(ILogger logger, string lease, string identity, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "lease {Lease}: {Error}")]
    private static partial void LogStoreFailed(ILogger logger, string lease, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "lease {Lease}: the store answers again")]
    private static partial void LogStoreRecovered(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "lease {Lease}: {Identity} released it on shutdown; a standby takes over at its next look")]
    private static partial void LogReleased(ILogger logger, string lease, string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "lease {Lease}: could not release it on shutdown ({Error}); a standby takes over once it expires")]
    private static partial void LogReleaseFailed(ILogger logger, string lease, string error);
}
