using Crema.Core.Engine;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

/// <summary>KEDA 2.20's autoscaling.keda.sh/force-activation: the executor treats the object as active.</summary>
public sealed class ForceActivationTests
{
    [Fact]
    public void Decide_ForcedAtZeroWithInactiveTriggers_ScalesFromZero()
    {
        var so = Object(Spec() with { MinReplicaCount = 2 }, (PauseRules.ForceActivationAnnotation, "true"));

        var decision = Decide(so, State(), 0, T0, Ok(0));

        decision.DesiredReplicas.ShouldBe(2);
        decision.IsActive.ShouldBeTrue();
        decision.Reason.ShouldEndWith("(activation forced by autoscaling.keda.sh/force-activation)");
    }

    [Fact]
    public void Decide_ForcedAndLongInactive_NeverScalesToZero()
    {
        var so = Object(Spec() with { Advanced = DefaultBehavior() }, (PauseRules.ForceActivationAnnotation, "true"));

        var decision = Decide(so, State(lastActive: T0.AddHours(-1)), 1, T0, Ok(0));

        decision.DesiredReplicas.ShouldBe(1, "the HPA floor is 1 while active");
        decision.NextState.LastActiveTime.ShouldBe(T0);
    }

    [Fact]
    public void Decide_ForceActivationFalse_InactiveObjectScalesToZeroAfterCooldown()
    {
        var so = Object(Spec(), (PauseRules.ForceActivationAnnotation, "false"));

        Decide(so, State(lastActive: T0.AddHours(-1)), 1, T0, Ok(0)).DesiredReplicas.ShouldBe(0);
    }
}
