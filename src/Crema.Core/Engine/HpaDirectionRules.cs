using Crema.Core.Configuration;

namespace Crema.Core.Engine;

/// <summary>One direction's HPA rules with every Kubernetes default filled in.</summary>
internal sealed record HpaDirectionRules(int StabilizationWindowSeconds, SelectPolicy SelectPolicy, IReadOnlyList<HpaScalingPolicy> Policies)
{
    public int LongestPeriodSeconds => Policies.Count == 0 ? 0 : Policies.Max(p => p.PeriodSeconds);
}
