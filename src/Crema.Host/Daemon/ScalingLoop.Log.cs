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

    private void LogDecision(ScalingDecision decision, string description, IReadOnlyList<TriggerReading> readings)
    {
        foreach (var failed in readings.Where(r => r.Error is not null))
        {
            LogTriggerFailed(logger, Name, failed.Key, failed.Type, failed.Error!);
        }
        var changes = !description.StartsWith("hold", StringComparison.Ordinal);
        var level = changes || services.DryRun ? LogLevel.Information : LogLevel.Debug;
        LogDecisionMade(logger, level, Name, description, decision.Reason, decision.IsActive);
    }
}
