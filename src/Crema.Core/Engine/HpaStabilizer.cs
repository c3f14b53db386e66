namespace Crema.Core.Engine;

/// <summary>
/// Kubernetes stabilization (horizontal.go): with a behavior, the result is the current count brought within
/// [min of recommendations in the scaleUp window, max of those in the scaleDown window] (stabilizeRecommendationWithBehaviors);
/// without one, the max of the recommendations in the downscale window (stabilizeRecommendation). Both include the new desired value.
/// </summary>
internal static class HpaStabilizer
{
    public static int Stabilize(
        int currentReplicas,
        int desiredReplicas,
        IEnumerable<ReplicaRecommendation> recommendations,
        int scaleUpWindowSeconds,
        int scaleDownWindowSeconds,
        DateTimeOffset now)
    {
        var upCutoff = now.AddSeconds(-scaleUpWindowSeconds);
        var downCutoff = now.AddSeconds(-scaleDownWindowSeconds);
        var upRecommendation = desiredReplicas;
        var downRecommendation = desiredReplicas;
        foreach (var recommendation in recommendations)
        {
            if (recommendation.At > upCutoff)
            {
                upRecommendation = Math.Min(upRecommendation, recommendation.Replicas);
            }

            if (recommendation.At > downCutoff)
            {
                downRecommendation = Math.Max(downRecommendation, recommendation.Replicas);
            }
        }

        var result = currentReplicas;
        if (result < upRecommendation)
        {
            result = upRecommendation;
        }

        if (result > downRecommendation)
        {
            result = downRecommendation;
        }

        return result;
    }

    public static int StabilizeLegacy(
        int desiredReplicas, IEnumerable<ReplicaRecommendation> recommendations, int downscaleWindowSeconds, DateTimeOffset now)
    {
        var cutoff = now.AddSeconds(-downscaleWindowSeconds);
        var result = desiredReplicas;
        foreach (var recommendation in recommendations)
        {
            if (recommendation.At >= cutoff && recommendation.Replicas > result)
            {
                result = recommendation.Replicas;
            }
        }

        return result;
    }
}
