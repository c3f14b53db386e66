using Crema.Core.Engine;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

public sealed class ActivationRulesTests
{
    [Fact]
    public void Decide_ActiveAtZero_ScalesToOneAndRecordsActivity()
    {
        var now = T0.AddMinutes(1);

        var decision = Decide(Spec(), State(), 0, now, Ok(42));

        decision.DesiredReplicas.ShouldBe(1);
        decision.IsActive.ShouldBeTrue();
        decision.Reason.ShouldBe("active: scale from zero to 1");
        decision.NextState.LastActiveTime.ShouldBe(now);
        decision.NextState.ScaleEvents.ShouldBeEmpty(); // KEDA scaled it, not the HPA
    }

    [Fact]
    public void Decide_ActiveAtZeroWithMinReplicas_ScalesToMin()
    {
        var decision = Decide(Spec() with { MinReplicaCount = 3 }, State(), 0, T0, Ok(1000));

        decision.DesiredReplicas.ShouldBe(3);
    }

    [Fact]
    public void Decide_PollAfterScaleFromZero_HpaTakesOver()
    {
        var spec = Spec() with { Advanced = DefaultBehavior() };
        var first = Decide(spec, State(), 0, T0, Ok(42));

        var second = Decide(spec, first.NextState, 1, T0.AddSeconds(30), Ok(42));

        first.DesiredReplicas.ShouldBe(1);
        second.DesiredReplicas.ShouldBe(5);
        second.Reason.ShouldStartWith("hpa: q=42 target=10 -> 5");
    }

    [Fact]
    public void Decide_ActiveAboveZero_UpdatesLastActiveTime()
    {
        var now = T0.AddMinutes(10);

        var decision = Decide(Spec(), State(lastActive: T0), 2, now, Ok(15));

        decision.NextState.LastActiveTime.ShouldBe(now);
    }

    [Fact]
    public void Decide_InactiveWithinCooldown_HoldsAndExplains()
    {
        var decision = Decide(Spec(), State(lastActive: T0), 1, T0.AddSeconds(120), Ok(0));

        decision.DesiredReplicas.ShouldBe(1);
        decision.IsActive.ShouldBeFalse();
        decision.Reason.ShouldBe("cooldown: inactive 120s of 300s");
        decision.NextState.LastActiveTime.ShouldBe(T0);
    }

    [Fact]
    public void Decide_InactiveExactlyAtCooldown_Holds() =>
        Decide(Spec(), State(lastActive: T0), 1, T0.AddSeconds(300), Ok(0)).DesiredReplicas.ShouldBe(1);

    [Fact]
    public void Decide_InactivePastCooldown_ScalesToZero()
    {
        var decision = Decide(Spec() with { CooldownPeriod = 60 }, State(lastActive: T0), 3, T0.AddSeconds(61), Ok(0));

        decision.DesiredReplicas.ShouldBe(0);
        decision.Reason.ShouldBe("inactive for 61s (cooldown 60s): scale to 0");
    }

    [Fact]
    public void Decide_NeverActiveWithinInitialCooldown_Holds()
    {
        var spec = Spec() with { InitialCooldownPeriod = 60 };

        var early = Decide(spec, State(), 1, T0.AddSeconds(30), Ok(0));
        var late = Decide(spec, State(), 1, T0.AddSeconds(61), Ok(0));

        early.DesiredReplicas.ShouldBe(1);
        early.Reason.ShouldBe("initial cooldown: 30s of 60s since start");
        late.DesiredReplicas.ShouldBe(0);
    }

    [Fact]
    public void Decide_NeverActiveWithDefaultInitialCooldown_ScalesToZeroAtOnce() =>
        Decide(Spec(), State(), 2, T0.AddSeconds(1), Ok(0)).DesiredReplicas.ShouldBe(0);

    [Fact]
    public void Decide_InactivePastCooldownWithIdle_ScalesToIdleNotMin()
    {
        var spec = Spec() with { MinReplicaCount = 2, IdleReplicaCount = 0 };

        var decision = Decide(spec, State(lastActive: T0), 4, T0.AddSeconds(301), Ok(0));

        decision.DesiredReplicas.ShouldBe(0);
    }

    [Fact]
    public void Decide_ActiveAtIdleBelowMin_ScalesToMin()
    {
        var spec = Spec() with { MinReplicaCount = 3, IdleReplicaCount = 1 };

        var decision = Decide(spec, State(), 1, T0, Ok(5));

        decision.DesiredReplicas.ShouldBe(3);
        decision.Reason.ShouldBe("active: scale from idle to 3");
    }

    [Fact]
    public void Decide_InactiveBelowMinWithoutIdle_ScalesToMin()
    {
        var decision = Decide(Spec() with { MinReplicaCount = 2 }, State(), 0, T0, Ok(0));

        decision.DesiredReplicas.ShouldBe(2);
    }

    [Fact]
    public void Decide_InactiveAtMinAboveZero_NeverScalesToZero()
    {
        var decision = Decide(Spec() with { MinReplicaCount = 2 }, State(lastActive: T0), 2, T0.AddHours(1), Ok(0));

        decision.DesiredReplicas.ShouldBe(2);
    }

    [Fact]
    public void Decide_InactiveAtZero_StaysAtZero()
    {
        var decision = Decide(Spec(), State(lastActive: T0), 0, T0.AddHours(1), Ok(0));

        decision.DesiredReplicas.ShouldBe(0);
        decision.Reason.ShouldBe("inactive at zero");
    }

    [Fact]
    public void Decide_ReadFailsPastCooldown_NeverScalesToZero()
    {
        var decision = Decide(Spec(), State(lastActive: T0), 3, T0.AddHours(1), Err());

        decision.DesiredReplicas.ShouldBe(3);
        decision.IsActive.ShouldBeFalse();
        decision.Reason.ShouldBe("source error: holding 3 (never scale to zero on error)");
        decision.NextState.LastActiveTime.ShouldBe(T0);
    }

    [Fact]
    public void Decide_ActiveWithAnotherTriggerFailing_KeepsLastActiveTime()
    {
        var decision = Decide(Spec("a", "b"), State(lastActive: T0), 2, T0.AddMinutes(1), Ok(20, name: "a"), Err("b"));

        decision.IsActive.ShouldBeTrue();
        decision.NextState.LastActiveTime.ShouldBe(T0);
    }

    [Fact]
    public void Decide_ActiveAtZeroWithAnotherTriggerFailing_StillScalesFromZero()
    {
        var decision = Decide(Spec("a", "b"), State(), 0, T0, Ok(20, name: "a"), Err("b"));

        decision.DesiredReplicas.ShouldBe(1);
    }

    [Fact]
    public void Decide_InactiveWithinCooldownAboveOne_HpaStillScalesTowardOne()
    {
        // KEDA's HPA keeps running while the executor waits for the cooldown: an idle metric drives N -> 1.
        var decision = Decide(Spec(), State(lastActive: T0), 4, T0.AddSeconds(60), Ok(0));

        decision.DesiredReplicas.ShouldBe(1);
    }
}
