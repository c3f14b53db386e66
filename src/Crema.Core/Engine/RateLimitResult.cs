namespace Crema.Core.Engine;

/// <summary>
/// Outcome of HPA rate limiting: the replicas, Kubernetes' condition reason (DesiredWithinRange, ScaleUpLimit,
/// TooManyReplicas, ScaleDownLimit, TooFewReplicas) and, when a policy limited the change, a description of it.
/// </summary>
internal readonly record struct RateLimitResult(int Replicas, string Condition, string? LimitedBy = null);
