using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

internal sealed partial class TargetInstances
{
    // Warning, not information: without a lease, a second Crema on the same target (a rollout's old
    // revision, a second deployment) shows up exactly like this, and the two then fight over the count.
    [LoggerMessage(Level = LogLevel.Warning, Message = "{ScaledObject}: {Target} has {Found} instances, not the {Expected} Crema last set or read: another writer changed it (a person, a deployment, or a second Crema scaling the same target); deciding again from the count found")]
    private static partial void LogDrift(ILogger logger, string scaledObject, string target, int found, int expected);
}
