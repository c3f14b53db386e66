using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Simulation.Quality;

namespace Crema.Tests.Simulation.Quality;

/// <summary>The model of CREMA 1.2's decisions (Scaler.java, ScalingStabilizer.java) on the same config.</summary>
public sealed class CremaPolicyTests
{
    private static CremaPolicy Policy(HpaBehavior? behavior = null, int max = 100) => new(
        new ScaledObjectSpec
        {
            ScaleTargetRef = new ScaleTargetRef { Name = "projects/p/locations/l/workerPools/w" },
            MaxReplicaCount = max,
            Advanced = behavior is null ? null : new AdvancedConfig { HorizontalPodAutoscalerConfig = new HorizontalPodAutoscalerConfig { Behavior = behavior } },
            Triggers = [new Trigger { Type = "prometheus" }],
        },
        v => new MetricReading(v, 10, v > 50),
        pollingSeconds: 1);

    [Fact]
    public void Decide_FromZero_GoesToOneWhateverTheRecommendationAndIgnoresActivation()
    {
        Policy().Decide(0, backlog: 500, arrivalRate: 0, current: 0).ShouldBe(1, "activation (value > 50) is ignored, and 0 goes to 1 first");
    }

    [Fact]
    public void Decide_NoBehavior_NoToleranceNoWindowNoLimit()
    {
        var policy = Policy();

        policy.Decide(0, 105, 0, 10).ShouldBe(11, "ceil(105 / 10) with no 10% tolerance");
        policy.Decide(1, 900, 0, 11).ShouldBe(90, "no rate limit up");
        policy.Decide(2, 0, 0, 90).ShouldBe(0, "no window and no cooldown: straight to zero");
    }

    [Fact]
    public void Decide_ScaleDownWindow_HoldsTheHighestRecentRecommendation()
    {
        var policy = Policy(new HpaBehavior { ScaleDown = new HpaScalingRules { StabilizationWindowSeconds = 60 } });

        policy.Decide(0, 300, 0, 30).ShouldBe(30);
        policy.Decide(10, 0, 0, 30).ShouldBe(30, "the recommendation of 30 ten seconds ago is in the 60 s window");
        policy.Decide(70, 0, 0, 30).ShouldBe(0, "once it has left the window");
    }

    [Fact]
    public void Decide_ScaleUpPodsPolicy_LimitsTheStep()
    {
        var policy = Policy(new HpaBehavior { ScaleUp = new HpaScalingRules { Policies = [new HpaScalingPolicy { Type = HpaPolicyType.Pods, Value = 4, PeriodSeconds = 60 }] } });

        policy.Decide(0, 1000, 0, 2).ShouldBe(6);
        policy.Decide(1, 1000, 0, 6).ShouldBe(6, "4 added in the last 60 s already");
    }

    [Fact]
    public void Decide_MaxReplicaCount_Clamps()
    {
        Policy(max: 7).Decide(0, 1000, 0, 3).ShouldBe(7);
    }
}
