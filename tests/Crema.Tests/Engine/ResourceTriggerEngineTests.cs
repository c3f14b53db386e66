using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Engine;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

/// <summary>
/// cpu/memory triggers in the decision: Kubernetes GetResourceReplicas maths for Utilization, and KEDA's rules that
/// they never activate, never put the object in error, never fall back and never feed scalingModifiers.
/// </summary>
public sealed class ResourceTriggerEngineTests
{
    // Kubernetes replica_calculator_test.go: TestReplicaCalcScaleUp (3 pods at 50 % of a 30 % target -> 5),
    // TestReplicaCalcScaleDown (5 pods at 28 % of 50 % -> 3), TestReplicaCalcTolerance (102 % of 100 % -> 3).
    [Theory]
    [InlineData(50, 30, 3, 5)]
    [InlineData(28, 50, 5, 3)]
    [InlineData(102, 100, 3, 3)]
    [InlineData(110, 100, 10, 10)] // ratio 1.1: the edge of the tolerance
    [InlineData(111, 100, 10, 12)]
    [InlineData(55.9, 50, 10, 10)] // the HPA truncates to 55 %: ratio 1.1, within tolerance (55.9 would give 12)
    [InlineData(0, 60, 4, 0)]
    public void ForMetric_Utilization_IsCeilWholePercentRatioTimesCurrent(double utilization, double target, int current, int expected) =>
        HpaProposal.ForMetric(MetricType.Utilization, utilization, target, current).ShouldBe(expected);

    [Fact]
    public void ForMetric_UtilizationFromAFraction_TruncatesWithoutFloatNoise() =>
        // 0.29 x 100 is 28.999999999999996; the HPA's integer maths make it 29 %: 29 / 25 x 100 = 116 (28 % would give 112).
        HpaProposal.ForMetric(MetricType.Utilization, 0.29 * 100, 25, 100).ShouldBe(116);

    private static Trigger Cpu(string name = "cpu") => new() { Type = "cpu", Name = name, MetricType = MetricType.Utilization };

    private static ScaledObjectSpec CpuSpec(int min = 1) => new()
    {
        ScaleTargetRef = new ScaleTargetRef { Name = "projects/p/locations/europe-west1/workerPools/w" },
        MinReplicaCount = min,
        Advanced = DefaultBehavior(),
        Triggers = [Cpu()],
    };

    private static TriggerSample CpuAt(double percent, string name = "cpu") => TriggerSample.Success(name, new MetricReading(percent, 60, true));

    [Fact]
    public void Decide_OnlyCpu_SizesByUtilizationAndSaysSo()
    {
        var decision = Decide(CpuSpec(), State(lastActive: T0, name: "cpu"), 2, T0, CpuAt(90));

        decision.DesiredReplicas.ShouldBe(3); // 90 / 60 x 2 = 3
        decision.IsActive.ShouldBeTrue();
        decision.Reason.ShouldStartWith("hpa: cpu=90% target=60% (Utilization) -> 3");
    }

    [Fact]
    public void Decide_OnlyCpuFailing_KeepsTheCountAndStaysActiveWithoutError()
    {
        var decision = Decide(CpuSpec(), State(lastActive: T0, name: "cpu"), 4, T0.AddHours(1), TriggerSample.Failure("cpu", "no data"));

        decision.DesiredReplicas.ShouldBe(4);
        decision.IsActive.ShouldBeTrue(); // KEDA forces an object of only cpu/memory active
        decision.Triggers.ShouldHaveSingleItem().Error.ShouldBe("no data");
    }

    [Fact]
    public void Decide_BusyCpuButIdleQueue_ScalesToZeroAfterCooldown()
    {
        // KEDA: only the external trigger decides activity; cpu cannot hold a pool above zero once the queue is idle.
        var spec = CpuSpec(min: 0) with { Triggers = [Cpu(), new Trigger { Type = "kafka", Name = "lag" }] };
        var state = State(lastActive: T0, name: "lag");

        var decision = Decide(spec, state, 3, T0.AddSeconds(301), CpuAt(95), Ok(0, name: "lag", active: false));

        decision.IsActive.ShouldBeFalse();
        decision.DesiredReplicas.ShouldBe(0);
    }

    [Fact]
    public void Decide_CpuFailingBesideAHealthyQueue_IsNotAnErrorAndGetsNoFallback()
    {
        var spec = CpuSpec(min: 0) with
        {
            Triggers = [Cpu(), new Trigger { Type = "kafka", Name = "lag" }],
            Fallback = new Fallback { FailureThreshold = 1, Replicas = 9 },
        };
        var state = State(lastActive: T0, name: "lag") with { ConsecutiveFailures = new Dictionary<string, int> { ["cpu"] = 5, ["lag"] = 0 } };

        var decision = Decide(spec, state, 3, T0.AddSeconds(10), TriggerSample.Failure("cpu", "no data"), Ok(30, name: "lag"));

        decision.Triggers[0].InFallback.ShouldBeFalse();
        decision.Triggers[0].ConsecutiveFailures.ShouldBe(6);
        decision.DesiredReplicas.ShouldBe(3); // lag 30 / 10 = 3; the failing cpu proposes nothing and 9 is never used
        decision.Reason.ShouldNotContain("fallback");
    }

    [Fact]
    public void Decide_PausedWithBusyCpuAndIdleQueue_IsNotActive()
    {
        var spec = CpuSpec(min: 0) with { Triggers = [Cpu(), new Trigger { Type = "kafka", Name = "lag" }] };
        var so = Object(spec, ("autoscaling.keda.sh/paused", "true"));

        var decision = Decide(so, State(lastActive: T0, name: "lag"), 3, T0.AddSeconds(10), CpuAt(95), Ok(0, name: "lag", active: false));

        decision.DesiredReplicas.ShouldBe(3);
        decision.IsActive.ShouldBeFalse();
    }

    [Fact]
    public void Decide_WithScalingModifiers_CpuStaysBesideTheComposite()
    {
        var spec = CpuSpec(min: 1) with
        {
            Triggers = [Cpu(), new Trigger { Type = "kafka", Name = "lag" }],
            Advanced = DefaultBehavior() with { ScalingModifiers = new ScalingModifiers { Formula = "lag", Target = "10" } },
        };

        var decision = Decide(spec, State(lastActive: T0, name: "lag"), 2, T0, CpuAt(150), Ok(20, name: "lag"));

        decision.DesiredReplicas.ShouldBe(5); // composite 20 / 10 = 2; cpu 150 / 60 x 2 = 5 wins
        decision.Composite.ShouldNotBeNull().Value.ShouldBe(20);
    }
}
