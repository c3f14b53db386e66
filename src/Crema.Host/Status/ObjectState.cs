namespace Crema.Host.Status;

/// <summary>
/// One word for how a scaled object is doing, as the page's overview counts them (JSON: kebab-case,
/// for example <c>cant-scale</c>). <see cref="ObjectStateRules"/> decides which one applies.
/// </summary>
internal enum ObjectState
{
    /// <summary>Not polled yet.</summary>
    Unknown,

    /// <summary>Cloud Run cannot be read or written for this target (404, 403, AUTOMATIC scaling mode, a failed update), or Crema backs off from it.</summary>
    CantScale,

    /// <summary><c>paused</c> or <c>paused-replicas</c> freezes the count (paused-scale-in/out alone do not: the object still scales the other way).</summary>
    Paused,

    /// <summary>A trigger (or the scalingModifiers formula) fails and no fallback covers it.</summary>
    Error,

    /// <summary>A trigger failed more than fallback.failureThreshold times: fallback replicas apply.</summary>
    Fallback,

    /// <summary>An update is in flight, or the desired count differs from the current one.</summary>
    Scaling,

    /// <summary>No trigger is active: at zero, at idleReplicaCount or cooling down.</summary>
    Idle,

    /// <summary>Active and at the desired count.</summary>
    Active,
}
