namespace Crema.Core.Engine;

/// <summary>
/// How one trigger contributed to a decision: its sanitized value and target, activity, fallback state, consecutive
/// failures, the replicas the HPA step derived from it (null when that step did not run) and its error, if any.
/// </summary>
public sealed record TriggerOutcome(
    string TriggerName,
    double? Value,
    double? Target,
    bool IsActive,
    bool InFallback,
    int ConsecutiveFailures,
    int? ProposedReplicas,
    string? Error);
