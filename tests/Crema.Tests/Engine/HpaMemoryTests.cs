using Crema.Core.Configuration;
using Crema.Core.Engine;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

/// <summary>
/// What the HPA remembers between reconciles (recommendations, scale events) and when that memory starts afresh,
/// as in Kubernetes horizontal.go and KEDA's handling of the HPA.
/// </summary>
public sealed class HpaMemoryTests
{
    [Fact]
    public void Decide_ScaleFromZeroByKeda_DoesNotCountAgainstTheHpaRateLimit()
    {
        // The 0 -> 1 is KEDA's executor writing the scale subresource, not an HPA rescale: the HPA's scale-up
        // events hold only its own changes, so the next HPA step may add a pod right away.
        var behavior = new HpaBehavior { ScaleUp = Rules(0, SelectPolicy.Max, (HpaPolicyType.Pods, 1, 60)) };
        var spec = Spec() with { Advanced = Behavior(behavior) };
        var activation = Decide(spec, State(), 0, T0, Ok(100));

        var hpa = Decide(spec, activation.NextState, 1, T0.AddSeconds(30), Ok(100));

        activation.DesiredReplicas.ShouldBe(1);
        activation.NextState.ScaleEvents.ShouldBeEmpty();
        hpa.DesiredReplicas.ShouldBe(2);
        hpa.NextState.ScaleEvents.ShouldBe([new ScaleEvent(T0.AddSeconds(30), 1)]);
    }

    [Fact]
    public void Decide_ScaleToZeroByKeda_IsNoHpaScaleEvent()
    {
        var spec = Spec() with { CooldownPeriod = 60, Advanced = DefaultBehavior() };

        var decision = Decide(spec, State(lastActive: T0), 5, T0.AddSeconds(61), Ok(0));

        decision.DesiredReplicas.ShouldBe(0);
        decision.NextState.ScaleEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Decide_FirstPoll_CurrentCountIsTheFirstRecommendation()
    {
        // Kubernetes recordInitialRecommendation: a new HPA (or a restarted controller) remembers the current count,
        // so the 300 s scale-down window holds a freshly started pool instead of cutting it at once.
        var state = ScalingState.Initial(T0) with { LastActiveTime = T0 };

        var first = Decide(Spec(), state, 10, T0, Ok(10));
        var later = Decide(Spec(), first.NextState, 10, T0.AddSeconds(301), Ok(10));

        first.DesiredReplicas.ShouldBe(10);
        first.NextState.Recommendations.ShouldBe([new ReplicaRecommendation(T0, 10), new ReplicaRecommendation(T0, 1)]);
        later.DesiredReplicas.ShouldBe(1);
    }

    [Fact]
    public void Decide_FirstPollAtZero_RemembersZero()
    {
        var decision = Decide(Spec(), ScalingState.Initial(T0), 0, T0, Ok(0));

        decision.NextState.Recommendations.ShouldBe([new ReplicaRecommendation(T0, 0)]);
    }

    [Fact]
    public void Decide_Paused_ForgetsHpaMemory()
    {
        // KEDA deletes the HPA while a ScaledObject is paused (scaledobject_controller.go handlePause) and the
        // HPA controller drops its recommendations and scale events with it; unpausing creates a new HPA.
        var state = State(lastActive: T0) with
        {
            Recommendations = [new ReplicaRecommendation(T0, 10)],
            ScaleEvents = [new ScaleEvent(T0, 5)],
        };
        var paused = Decide(Object(Spec(), (PauseRules.PausedReplicasAnnotation, "4")), state, 10, T0.AddSeconds(60), Ok(40));

        var unpaused = Decide(Spec(), paused.NextState, 4, T0.AddSeconds(90), Ok(40));

        paused.DesiredReplicas.ShouldBe(4);
        paused.NextState.Recommendations.ShouldBeEmpty();
        paused.NextState.ScaleEvents.ShouldBeEmpty();
        unpaused.DesiredReplicas.ShouldBe(4);
    }
}
