namespace Crema.Host.Status;

/// <summary>
/// The one place that names an object's <see cref="ObjectState"/>. The first that holds wins, from what
/// an operator must fix first to what needs nothing: can't-scale (nothing else matters while Cloud Run
/// refuses), paused (a person froze it; its triggers' errors then change nothing), error, fallback,
/// scaling, idle, active.
/// </summary>
internal static class ObjectStateRules
{
    public static ObjectState Of(ObjectStatus status)
    {
        if (status.LastPollAt is null)
        {
            return ObjectState.Unknown;
        }
        if (status.LastScaleError is not null || !status.CloudRun.CanScale)
        {
            return ObjectState.CantScale;
        }
        if (status.Pause?.Paused == true)
        {
            return ObjectState.Paused;
        }
        if (status.ScalingModifiers?.Error is not null || status.Triggers.Any(t => t.LastError is not null && !t.InFallback))
        {
            return ObjectState.Error;
        }
        if (status.Triggers.Any(t => t.InFallback) || status.ScalingModifiers?.InFallback == true)
        {
            return ObjectState.Fallback;
        }
        if (status.PendingUpdate is not null || (status.Current is { } current && status.Desired is { } desired && current != desired))
        {
            return ObjectState.Scaling;
        }
        return status.Active ? ObjectState.Active : ObjectState.Idle;
    }
}
