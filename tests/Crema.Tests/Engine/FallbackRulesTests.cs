using Crema.Core.Configuration;
using Crema.Core.Engine;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

public sealed class FallbackRulesTests
{
    private static ScaledObjectSpec WithFallback(FallbackBehavior behavior = FallbackBehavior.Static) =>
        Spec() with
        {
            Fallback = new Fallback { FailureThreshold = 3, Replicas = 5, Behavior = behavior },
            Advanced = DefaultBehavior(),
        };

    [Theory]
    [InlineData(FallbackBehavior.Static, 7, 5)]
    [InlineData(FallbackBehavior.CurrentReplicas, 7, 7)]
    [InlineData(FallbackBehavior.CurrentReplicasIfHigher, 7, 7)]
    [InlineData(FallbackBehavior.CurrentReplicasIfHigher, 2, 5)]
    [InlineData(FallbackBehavior.CurrentReplicasIfLower, 7, 5)]
    [InlineData(FallbackBehavior.CurrentReplicasIfLower, 2, 2)]
    public void ReplicasFor_EachBehavior_CombinesWithCurrent(FallbackBehavior behavior, int current, int expected) =>
        FallbackRules.ReplicasFor(new Fallback { FailureThreshold = 1, Replicas = 5, Behavior = behavior }, current).ShouldBe(expected);

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(double.PositiveInfinity, 0)]
    [InlineData(double.NegativeInfinity, 0)]
    [InlineData(-3, 0)]
    [InlineData(4.5, 4.5)]
    public void Sanitize_InvalidValues_BecomeZero(double value, double expected) => FallbackRules.Sanitize(value).ShouldBe(expected);

    [Fact]
    public void Decide_FailuresAtThreshold_HoldWithoutFallback()
    {
        var decision = Decide(WithFallback(), State(lastActive: T0, failures: 2), 2, T0.AddMinutes(1), Err());

        decision.DesiredReplicas.ShouldBe(2);
        decision.Triggers[0].ConsecutiveFailures.ShouldBe(3);
        decision.Triggers[0].InFallback.ShouldBeFalse();
        decision.NextState.ConsecutiveFailures["q"].ShouldBe(3);
    }

    [Fact]
    public void Decide_FailuresAboveThreshold_ProposeFallbackReplicas()
    {
        var decision = Decide(WithFallback(), State(lastActive: T0, failures: 3), 2, T0.AddMinutes(1), Err());

        decision.DesiredReplicas.ShouldBe(5);
        decision.IsActive.ShouldBeTrue();
        decision.Reason.ShouldStartWith("hpa: fallback: trigger q failed 4 times > 3, proposing 5");
        decision.Triggers[0].InFallback.ShouldBeTrue();
        decision.Triggers[0].Error.ShouldBe("connection refused");
        decision.NextState.LastActiveTime.ShouldBe(T0.AddMinutes(1));
    }

    [Fact]
    public void Decide_FallbackAtZero_StartsFromZeroThenProposesFallback()
    {
        var first = Decide(WithFallback(), State(failures: 3), 0, T0, Err());

        var second = Decide(WithFallback(), first.NextState, 1, T0.AddSeconds(30), Err());

        first.DesiredReplicas.ShouldBe(1);
        first.IsActive.ShouldBeTrue();
        second.DesiredReplicas.ShouldBe(5);
        second.NextState.ConsecutiveFailures["q"].ShouldBe(5);
    }

    [Fact]
    public void Decide_FallbackCurrentReplicasIfLower_ScalesDownToFallback()
    {
        var decision = Decide(WithFallback(FallbackBehavior.CurrentReplicasIfLower), State(lastActive: T0, failures: 3), 8, T0.AddMinutes(1), Err());

        decision.DesiredReplicas.ShouldBe(5);
    }

    [Fact]
    public void Decide_FallbackCurrentReplicas_Holds()
    {
        var decision = Decide(WithFallback(FallbackBehavior.CurrentReplicas), State(lastActive: T0, failures: 9), 8, T0.AddMinutes(1), Err());

        decision.DesiredReplicas.ShouldBe(8);
    }

    [Fact]
    public void Decide_SuccessAfterFailures_ResetsCount()
    {
        var decision = Decide(WithFallback(), State(lastActive: T0, failures: 7), 2, T0.AddMinutes(1), Ok(20));

        decision.NextState.ConsecutiveFailures["q"].ShouldBe(0);
        decision.Triggers[0].InFallback.ShouldBeFalse();
    }

    [Fact]
    public void Decide_NoFallbackConfigured_CountsButNeverFallsBack()
    {
        var decision = Decide(Spec(), State(lastActive: T0, failures: 50), 2, T0.AddHours(1), Err());

        decision.DesiredReplicas.ShouldBe(2);
        decision.Triggers[0].ConsecutiveFailures.ShouldBe(51);
        decision.Triggers[0].InFallback.ShouldBeFalse();
    }

    [Fact]
    public void Decide_NonPositiveTarget_CountsAsFailure()
    {
        var decision = Decide(Spec(), State(lastActive: T0), 2, T0, Ok(5, target: 0));

        decision.Triggers[0].Error.ShouldNotBeNull();
        decision.Triggers[0].ConsecutiveFailures.ShouldBe(1);
        decision.DesiredReplicas.ShouldBe(2);
    }

    [Fact]
    public void Decide_NaNValue_CountsAsZero()
    {
        var decision = Decide(Spec(), State(lastActive: T0), 3, T0.AddSeconds(10), Ok(double.NaN, active: false));

        decision.Triggers[0].Value.ShouldBe(0);
        decision.Triggers[0].Error.ShouldBeNull();
    }
}
