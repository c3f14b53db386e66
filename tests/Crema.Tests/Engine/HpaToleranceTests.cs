using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Engine;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

/// <summary>
/// behavior.scaleUp/scaleDown.tolerance (Kubernetes configurable HPA tolerance): no change while
/// 1 - scaleDown &lt;= ratio &lt;= 1 + scaleUp, each side defaulting to 0.1.
/// </summary>
public sealed class HpaToleranceTests
{
    [Theory]
    [InlineData(108, 10)] // ratio 1.08: within the default 0.1
    [InlineData(111, 12)] // ratio 1.11: outside
    [InlineData(91, 10)]  // ratio 0.91: within
    [InlineData(89, 9)]   // ratio 0.89: outside
    public void Decide_NoToleranceWritten_DefaultPointOneBothWays(double value, int expected)
    {
        var decision = Decide(Spec() with { Advanced = DefaultBehavior() }, State(lastActive: T0), 10, T0, Ok(value));

        decision.DesiredReplicas.ShouldBe(expected);
    }

    [Fact]
    public void Decide_ScaleUpToleranceZero_SmallRiseScalesUpWhileScaleDownKeepsDefault()
    {
        var spec = WithTolerances(up: "0", down: null);

        Decide(spec, State(lastActive: T0), 10, T0, Ok(105)).DesiredReplicas.ShouldBe(11, "ratio 1.05 is outside a scale-up tolerance of 0");
        Decide(spec, State(lastActive: T0), 10, T0, Ok(95)).DesiredReplicas.ShouldBe(10, "ratio 0.95 is within the default scale-down tolerance");
    }

    [Fact]
    public void Decide_ScaleDownToleranceAsMilliQuantity_WidensOnlyTheDownSide()
    {
        // 300m = 0.3: ratio 0.75 stays; ratio 1.15 still scales up with the default 0.1.
        var spec = WithTolerances(up: null, down: "300m");

        Decide(spec, State(lastActive: T0), 10, T0, Ok(75)).DesiredReplicas.ShouldBe(10);
        Decide(spec, State(lastActive: T0), 10, T0, Ok(115)).DesiredReplicas.ShouldBe(12);
    }

    [Fact]
    public void Decide_ValueMetricType_ToleranceAppliesToTheRatioToTarget()
    {
        var spec = WithTolerances(up: "0.01", down: null) with
        {
            Triggers = [new Trigger { Type = "prometheus", Name = "q", MetricType = MetricType.Value }],
        };

        // Value: ratio = 10.5 / 10 = 1.05 > 1.01, so ceil(1.05 * 4) = 5.
        Decide(spec, State(lastActive: T0), 4, T0, Ok(10.5)).DesiredReplicas.ShouldBe(5);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Decide_UnnamedValueTrigger_KeepsItsMetricType(string? name)
    {
        // An unnamed trigger's samples carry its index ("0"), whether its name is absent or empty.
        var spec = WithTolerances(up: "0.01", down: null) with
        {
            Triggers = [new Trigger { Type = "prometheus", Name = name, MetricType = MetricType.Value }],
        };

        // Value: ceil(30 / 10 * 4) = 12, held to 8 by the default scale-up policy (100% per 15 s);
        // read as AverageValue it would be ceil(30 / 10) = 3.
        Decide(spec, State(lastActive: T0), 4, T0, Ok(30, name: "0")).DesiredReplicas.ShouldBe(8);
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(1.05, false)]
    [InlineData(0.95, true)]
    [InlineData(0.7, true)]
    [InlineData(0.69, false)]
    public void IsWithin_KubernetesForm_LowerBoundFromScaleDownUpperFromScaleUp(double ratio, bool within) =>
        new HpaTolerances(ScaleDown: 0.3, ScaleUp: 0).IsWithin(ratio).ShouldBe(within);

    private static ScaledObjectSpec WithTolerances(string? up, string? down) => Spec() with
    {
        Advanced = Behavior(new HpaBehavior
        {
            ScaleUp = new HpaScalingRules { Tolerance = up },
            ScaleDown = new HpaScalingRules { Tolerance = down, StabilizationWindowSeconds = 0 },
        }),
    };
}
