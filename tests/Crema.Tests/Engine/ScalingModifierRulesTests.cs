using Crema.Abstractions;
using Crema.Core.Configuration;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

public sealed class ScalingModifierRulesTests
{
    private static ScaledObjectSpec WithFormula(string formula, string target = "10", string? activation = null, MetricType? type = null, Fallback? fallback = null) =>
        Spec("a", "b") with
        {
            Fallback = fallback,
            Advanced = DefaultBehavior() with
            {
                ScalingModifiers = new ScalingModifiers { Formula = formula, Target = target, ActivationTarget = activation, MetricType = type },
            },
        };

    [Fact]
    public void Decide_Formula_ScalesOnTheCompositeMetric()
    {
        var decision = Decide(WithFormula("(a + b) / 2"), State(lastActive: T0), 1, T0, Ok(30, name: "a"), Ok(10, name: "b"));

        decision.DesiredReplicas.ShouldBe(2);
        decision.Reason.ShouldStartWith("hpa: composite-metric=20 target=10 -> 2");
        decision.Triggers.Select(t => t.ProposedReplicas).ShouldAllBe(p => p == null);
    }

    [Fact]
    public void Decide_CompositeBelowActivationTarget_IsInactiveEvenIfTriggersAreActive()
    {
        var decision = Decide(WithFormula("(a + b) / 2", activation: "25"), State(), 0, T0, Ok(30, name: "a"), Ok(10, name: "b"));

        decision.IsActive.ShouldBeFalse();
        decision.DesiredReplicas.ShouldBe(0);
    }

    [Fact]
    public void Decide_CompositeAboveActivationTarget_ActivatesFromZero()
    {
        var decision = Decide(WithFormula("max(a, b)", activation: "25"), State(), 0, T0, Ok(30, name: "a", active: false), Ok(10, name: "b", active: false));

        decision.IsActive.ShouldBeTrue();
        decision.DesiredReplicas.ShouldBe(1);
    }

    [Fact]
    public void Decide_TriggerFails_NoChangeAndInactive()
    {
        var decision = Decide(WithFormula("a + b"), State(lastActive: T0), 3, T0.AddHours(1), Ok(300, name: "a"), Err("b"));

        decision.DesiredReplicas.ShouldBe(3);
        decision.IsActive.ShouldBeFalse();
        decision.Reason.ShouldContain("the formula needs every trigger");
    }

    [Fact]
    public void Decide_TriggerInFallback_CompositeProposesFallbackReplicas()
    {
        var spec = WithFormula("a + b", fallback: new Fallback { FailureThreshold = 0, Replicas = 6 });

        var decision = Decide(spec, State(lastActive: T0, name: "b"), 2, T0, Ok(1, name: "a"), Err("b"));

        decision.DesiredReplicas.ShouldBe(6);
        decision.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Decide_FormulaNilWithFallback_ProposesFallbackReplicas()
    {
        var spec = WithFormula("c ?? nil", fallback: new Fallback { FailureThreshold = 3, Replicas = 4 });

        var decision = Decide(spec, State(lastActive: T0), 2, T0, Ok(1, name: "a"), Ok(1, name: "b"));

        decision.DesiredReplicas.ShouldBe(4);
        decision.Reason.ShouldContain("formula evaluated to nil");
    }

    [Fact]
    public void Decide_FormulaNilWithoutFallback_NoChange()
    {
        var decision = Decide(WithFormula("c ?? nil"), State(lastActive: T0), 2, T0.AddHours(1), Ok(1, name: "a"), Ok(1, name: "b"));

        decision.DesiredReplicas.ShouldBe(2);
        decision.Reason.ShouldContain("no fallback is configured");
    }

    [Fact]
    public void Decide_FormulaCoalesce_UsesDefaultForUnknownName()
    {
        var decision = Decide(WithFormula("a + (c ?? 30)"), State(lastActive: T0), 1, T0, Ok(10, name: "a"), Ok(0, name: "b"));

        decision.DesiredReplicas.ShouldBe(4);
    }

    [Fact]
    public void Decide_ValueMetricType_ScalesByRatioTimesCurrent()
    {
        var decision = Decide(WithFormula("a", type: MetricType.Value), State(lastActive: T0), 4, T0, Ok(15, name: "a"), Ok(0, name: "b"));

        decision.DesiredReplicas.ShouldBe(6);
    }

    [Fact]
    public void Decide_InvalidTarget_NoChange()
    {
        var decision = Decide(WithFormula("a", target: "ten"), State(lastActive: T0), 2, T0, Ok(50, name: "a"), Ok(0, name: "b"));

        decision.DesiredReplicas.ShouldBe(2);
        decision.Reason.ShouldContain("scalingModifiers.target 'ten'");
    }

    [Fact]
    public void Decide_FormulaVariables_AreTheMilliQuantitiesKedaPublishes()
    {
        // KEDA feeds the formula each trigger's metric as a milli-quantity (AsApproximateFloat64 of int64(v x 1000)).
        var decision = Decide(WithFormula("ceil(a) + b", target: "1"), State(lastActive: T0), 2, T0, Ok(2.0004, name: "a"), Ok(0, name: "b"));

        decision.DesiredReplicas.ShouldBe(2);
    }

    [Fact]
    public void Decide_CompositeBelowOneMilli_IsInactive()
    {
        // KEDA's activity check compares the composite milli-quantity with activationTarget: 0.0004 publishes as 0.
        var decision = Decide(WithFormula("a + b"), State(), 0, T0, Ok(0.0004, name: "a"), Ok(0, name: "b"));

        decision.IsActive.ShouldBeFalse();
        decision.DesiredReplicas.ShouldBe(0);
    }

    [Fact]
    public void Decide_CompositeReadBack_MultipliesByAThousandthLikeKeda()
    {
        // 9 milli reads back as 9 x 0.001 = 0.009000000000000001 > 0.009 in KEDA (9 / 1000 would equal it).
        var decision = Decide(WithFormula("a + b", activation: "0.009"), State(), 0, T0, Ok(0.009, name: "a"), Ok(0, name: "b"));

        decision.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Decide_Formula_ExposesTheCompositeMetricItUsed()
    {
        var decision = Decide(WithFormula("(a + b) / 2"), State(lastActive: T0), 1, T0, Ok(30, name: "a"), Ok(10, name: "b"));

        decision.Composite.ShouldNotBeNull();
        decision.Composite.TriggerName.ShouldBe("composite-metric");
        decision.Composite.Value.ShouldBe(20);
        decision.Composite.Target.ShouldBe(10);
        decision.Composite.IsActive.ShouldBeTrue();
        decision.Composite.Error.ShouldBeNull();
    }

    [Fact]
    public void Decide_TriggerInFallback_CompositeIsFallbackReplicasTimesTarget()
    {
        var spec = WithFormula("a + b", fallback: new Fallback { FailureThreshold = 0, Replicas = 6 });

        var decision = Decide(spec, State(lastActive: T0, name: "b"), 2, T0, Ok(1, name: "a"), Err("b"));

        decision.Composite!.Value.ShouldBe(60);
        decision.Composite.InFallback.ShouldBeTrue();
    }

    [Fact]
    public void Decide_TriggerFails_CompositeCarriesTheErrorAndNoValue()
    {
        var decision = Decide(WithFormula("a + b"), State(lastActive: T0), 3, T0.AddHours(1), Ok(300, name: "a"), Err("b"));

        decision.Composite!.Value.ShouldBeNull();
        decision.Composite.Target.ShouldBeNull();
        decision.Composite.Error!.ShouldContain("the formula needs every trigger");
    }

    [Fact]
    public void Decide_WithoutFormula_HasNoComposite()
    {
        var decision = Decide(Object(Spec("a")), State(name: "a"), 1, T0, Ok(30, name: "a"));

        decision.Composite.ShouldBeNull();
    }
}
