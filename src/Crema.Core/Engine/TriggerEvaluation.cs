using Crema.Abstractions;

namespace Crema.Core.Engine;

/// <summary>
/// One trigger after failure counting: a sanitized reading, or an error, or fallback replicas when it has failed
/// more than the fallback threshold (then it counts as active and as healthy, like KEDA).
/// </summary>
internal sealed record TriggerEvaluation(
    string Name,
    MetricType MetricType,
    double? Value,
    double? Target,
    bool ReadingActive,
    string? Error,
    int Failures,
    int? FallbackReplicas)
{
    /// <summary>A cpu or memory trigger: sized by the HPA only, never part of activation, fallback or scalingModifiers.</summary>
    public bool IsResource { get; init; }

    public bool InFallback => FallbackReplicas is not null;

    /// <summary>An error that fallback does not cover; it makes the scaled object "in error".</summary>
    public bool Failed => Error is not null && !InFallback;

    public bool IsActive => InFallback || (Error is null && ReadingActive);
}
