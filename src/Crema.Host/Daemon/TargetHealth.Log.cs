using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

internal sealed partial class TargetHealth
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{ScaledObject}: {Target} changed concurrently (etag); reading it again")]
    private static partial void LogConflictRetried(ILogger logger, string scaledObject, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ScaledObject}: {Target} changed concurrently {Conflicts} times in a row (etag): someone else keeps updating it; next attempt in {DelaySeconds} s, then less often (up to {MaxDelaySeconds} s)")]
    private static partial void LogConflictsPersist(ILogger logger, string scaledObject, string target, int conflicts, double delaySeconds, double maxDelaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ScaledObject}: update of {Target} failed ({State}): {Error}; next attempt in {DelaySeconds} s, then less often (up to {MaxDelaySeconds} s) until it works")]
    private static partial void LogUpdateFailing(ILogger logger, string scaledObject, string target, string state, string error, double delaySeconds, double maxDelaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ScaledObject}: cannot read the instance count of {Target} ({State}): {Error}; next attempt in {DelaySeconds} s, then less often (up to {MaxDelaySeconds} s) until it works")]
    private static partial void LogReadFailing(ILogger logger, string scaledObject, string target, string state, string error, double delaySeconds, double maxDelaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ScaledObject}: {Target} can be read and scaled again, after {Failures} failed attempts in {Seconds} s")]
    private static partial void LogRecovered(ILogger logger, string scaledObject, string target, int failures, double seconds);
}
