using Crema.Core.Engine;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

public sealed class ScalingEngineTests
{
    [Fact]
    public void Decide_SeveralTriggers_TakesTheLargestProposal()
    {
        var spec = Spec("a", "b") with { Advanced = DefaultBehavior() };

        var decision = Decide(spec, State(lastActive: T0), 4, T0, Ok(42, name: "a"), Ok(7, target: 1, name: "b"));

        decision.DesiredReplicas.ShouldBe(7);
        decision.Triggers.Select(t => t.ProposedReplicas).ShouldBe([4, 7]); // 42 / (10 x 4) is within tolerance
        decision.Reason.ShouldStartWith("hpa: b=7 target=1 -> 7");
    }

    [Fact]
    public void Decide_SomeFailedOthersScaleUp_ScalesUp()
    {
        var spec = Spec("a", "b") with { Advanced = DefaultBehavior() };

        var decision = Decide(spec, State(lastActive: T0), 4, T0, Ok(100, name: "a"), Err("b"));

        decision.DesiredReplicas.ShouldBe(8); // 10 wanted, default scaleUp limit max(4 + 4, 2 x 4)
        decision.Triggers[1].ProposedReplicas.ShouldBeNull();
    }

    [Fact]
    public void Decide_SomeFailedOthersScaleDown_NoChange()
    {
        var spec = Spec("a", "b") with { Advanced = DefaultBehavior() };

        var decision = Decide(spec, State(lastActive: T0), 4, T0, Ok(10, name: "a"), Err("b"));

        decision.DesiredReplicas.ShouldBe(4);
        decision.Reason.ShouldContain("source error");
    }

    [Fact]
    public void Decide_AllFailed_NoChange()
    {
        var decision = Decide(Spec("a", "b"), State(lastActive: T0), 4, T0, Err("a"), Err("b"));

        decision.DesiredReplicas.ShouldBe(4);
        decision.NextState.ScaleEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Decide_DesiredAboveMax_ClampsToMax()
    {
        var spec = Spec() with { MaxReplicaCount = 6, Advanced = DefaultBehavior() };

        var decision = Decide(spec, State(lastActive: T0), 5, T0, Ok(1000));

        decision.DesiredReplicas.ShouldBe(6);
        decision.Reason.ShouldContain("limited by maxReplicaCount to 6");
    }

    [Fact]
    public void Decide_CurrentAboveMax_ScalesDownToMax()
    {
        var decision = Decide(Spec() with { MaxReplicaCount = 10 }, State(lastActive: T0), 12, T0, Ok(1000));

        decision.DesiredReplicas.ShouldBe(10);
        decision.Reason.ShouldBe("above maxReplicaCount 10: scale to 10");
    }

    [Fact]
    public void Decide_DesiredBelowMin_ClampsToMin()
    {
        var spec = Spec() with { MinReplicaCount = 3, Advanced = DefaultBehavior() };
        var state = State(lastActive: T0);

        var decision = Decide(spec, state, 5, T0, Ok(1));

        decision.DesiredReplicas.ShouldBe(3);
    }

    [Fact]
    public void Decide_WithinTolerance_NoChange()
    {
        var decision = Decide(Spec(), State(lastActive: T0), 10, T0, Ok(108));

        decision.DesiredReplicas.ShouldBe(10);
        decision.Reason.ShouldBe("no change: hpa: q=108 target=10 -> 10");
    }

    [Fact]
    public void Decide_ValueMetricType_UsesRatioTimesCurrent()
    {
        var spec = Spec() with
        {
            Triggers = [new Core.Configuration.Trigger { Type = "prometheus", Name = "q", MetricType = global::Crema.Abstractions.MetricType.Value }],
            Advanced = DefaultBehavior(),
        };

        var decision = Decide(spec, State(lastActive: T0), 4, T0, Ok(15));

        decision.DesiredReplicas.ShouldBe(6);
    }

    [Fact]
    public void Decide_UnnamedTriggers_AreKnownByIndex()
    {
        var spec = Spec() with
        {
            Triggers = [new Core.Configuration.Trigger { Type = "prometheus", MetricType = global::Crema.Abstractions.MetricType.Value }],
            Advanced = DefaultBehavior(),
        };

        var decision = Decide(spec, State(lastActive: T0, name: "0"), 4, T0, Ok(15, name: "0"));

        decision.DesiredReplicas.ShouldBe(6);
        decision.Triggers[0].TriggerName.ShouldBe("0");
    }

    [Fact]
    public void Decide_NoChange_RecordsNoScaleEvent()
    {
        var decision = Decide(Spec(), State(lastActive: T0), 3, T0, Ok(30));

        decision.NextState.ScaleEvents.ShouldBeEmpty();
        decision.NextState.Recommendations.ShouldBe([new ReplicaRecommendation(T0, 3)]);
    }

    [Fact]
    public void Decide_OldScaleEvents_AreTrimmed()
    {
        var state = State(lastActive: T0) with { ScaleEvents = [new ScaleEvent(T0, 2), new ScaleEvent(T0.AddSeconds(50), 1)] };

        var decision = Decide(Spec(), state, 3, T0.AddSeconds(60), Ok(30));

        decision.NextState.ScaleEvents.ShouldBe([new ScaleEvent(T0.AddSeconds(50), 1)]);
    }
}
