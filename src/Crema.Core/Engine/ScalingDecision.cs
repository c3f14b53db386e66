namespace Crema.Core.Engine;

/// <summary>
/// The result of one poll: the replica count to set (equal to the current one when nothing changes), whether the
/// object counts as active, a short human reason, the state to keep for the next poll (assuming the decision is
/// applied) and the per-trigger details.
/// </summary>
public sealed record ScalingDecision(
    int DesiredReplicas,
    bool IsActive,
    string Reason,
    ScalingState NextState,
    IReadOnlyList<TriggerOutcome> Triggers)
{
    /// <summary>
    /// With scalingModifiers, the composite metric the decision used (named <c>composite-metric</c>; value and
    /// target null when the formula could not be evaluated); null without them or while paused.
    /// </summary>
    public TriggerOutcome? Composite { get; init; }
}
