using Crema.Core.Engine;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

internal sealed partial class ScalingLoop
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{ScaledObject}: poll failed: {Error}")]
    private static partial void LogPollFailed(ILogger logger, string scaledObject, string error);

    [LoggerMessage(Message = "{ScaledObject}: {Decision} ({Reason}); active={Active}")]
    private static partial void LogDecisionMade(ILogger logger, LogLevel level, string scaledObject, string decision, string reason, bool active);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ScaledObject}: trigger {Trigger} ({TriggerType}) failed: {Error}")]
    private static partial void LogTriggerFailed(ILogger logger, string scaledObject, string trigger, string triggerType, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ScaledObject}: trigger {Trigger} ({TriggerType}) reads again")]
    private static partial void LogTriggerRecovered(ILogger logger, string scaledObject, string trigger, string triggerType);

    private void LogDecision(ScalingDecision decision, string description, IReadOnlyList<TriggerReading> readings)
    {
        // One line when a trigger starts failing or its error changes, one when it recovers: a source
        // down for an hour must not write the same line every poll (the count is on /status and /metrics).
        foreach (var reading in readings)
        {
            lastTriggerErrors.TryGetValue(reading.Key, out var previous);
            if (reading.Error is not null && reading.Error != previous)
            {
                LogTriggerFailed(logger, Name, reading.Key, reading.Type, reading.Error);
            }
            else if (reading.Error is null && previous is not null)
            {
                LogTriggerRecovered(logger, Name, reading.Key, reading.Type);
            }
            lastTriggerErrors[reading.Key] = reading.Error;
        }
        // Failed and conflicting attempts are not logged here: TargetHealth logs a problem once when it starts.
        var changes = description.StartsWith("scale ", StringComparison.Ordinal);
        var level = changes || services.DryRun ? LogLevel.Information : LogLevel.Debug;
        LogDecisionMade(logger, level, Name, description, decision.Reason, decision.IsActive);
    }
}
