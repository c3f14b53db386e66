namespace Crema.Core.Engine;

/// <summary>One unstabilized HPA recommendation, kept for the stabilization windows.</summary>
public readonly record struct ReplicaRecommendation(DateTimeOffset At, int Replicas);
