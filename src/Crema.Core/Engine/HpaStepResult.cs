namespace Crema.Core.Engine;

/// <summary>The HPA step's result: replicas, a reason, the recommendations to keep, and each input's proposal.</summary>
internal sealed record HpaStepResult(int Replicas, string Reason, IReadOnlyList<ReplicaRecommendation> Recommendations, IReadOnlyList<int?> Proposals);
