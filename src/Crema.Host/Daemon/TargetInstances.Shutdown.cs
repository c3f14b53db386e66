using Crema.Host.Status;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

internal sealed partial class TargetInstances
{
    /// <summary>
    /// An update cut short by shutdown. Accepted (an operation name): Cloud Run finishes it on its own.
    /// Unanswered: it may or may not land. Either way nothing is known any more; the next start reads the count.
    /// </summary>
    private DecisionOutcome LeftAtShutdown(int desired, string? operation)
    {
        Forget();
        services.Metrics.ScaleOperation(name, "stopped");
        if (operation is null)
        {
            LogUnansweredAtShutdown(logger, name, target, desired, services.Shutdown.UpdatesGrace.TotalSeconds);
        }
        else
        {
            LogAcceptedAtShutdown(logger, name, target, desired, operation);
        }
        return DecisionOutcome.Stopped;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ScaledObject}: stopping; the update of {Target} to {Desired} was accepted (operation {Operation}) and Cloud Run finishes it")]
    private static partial void LogAcceptedAtShutdown(ILogger logger, string scaledObject, string target, int desired, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ScaledObject}: stopping; the update of {Target} to {Desired} had no answer within {Seconds} s and was given up (it may still apply; the next start reads the count)")]
    private static partial void LogUnansweredAtShutdown(ILogger logger, string scaledObject, string target, int desired, double seconds);
}
