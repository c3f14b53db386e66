using Crema.Core.Configuration;
using Crema.Core.Explain;
using Crema.Scalers;
using Crema.Tests.Configuration;

namespace Crema.Tests.Explain;

public sealed class ScaledObjectExplainerTests
{
    private const string Prometheus = """
        triggers:
          - type: prometheus
            name: backlog
            metadata: {serverAddress: "http://prometheus:9090", query: "sum(backlog)", threshold: "5"}
        """;

    private static ObjectExplanation Explain(string yaml)
    {
        var loaded = ConfigLoader.Load(yaml, ConfigTestHelper.FileName, BuiltInScalers.CreateRegistry());
        loaded.ShouldBeValid();
        return ScaledObjectExplainer.Explain(loaded.Config!, BuiltInScalers.CreateRegistry()).ShouldHaveSingleItem();
    }

    private static string Fact(ObjectExplanation explanation, string heading) =>
        explanation.Facts.Where(f => f.Heading == heading).Select(f => f.Text).ShouldHaveSingleItem();

    [Fact]
    public void Explain_NothingSet_NamesEveryKedaDefaultAndTheLegacyRules()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: Prometheus));

        Fact(explanation, "instances").ShouldBe("0 to 100 (minReplicaCount 0 (default), maxReplicaCount 100 (default))");
        Fact(explanation, "polling").ShouldBe("every 30 s (default)");
        Fact(explanation, "to zero").ShouldStartWith("once every trigger has been inactive for 300 s (default) (cooldownPeriod)");
        Fact(explanation, "scale up").ShouldContain("max(2 x current, 4)");
        Fact(explanation, "scale down").ShouldContain("last 300 s");
        Fact(explanation, "on errors").ShouldStartWith("no fallback (default)");
        explanation.Warnings.ShouldContain(w => w.StartsWith("no advanced.horizontalPodAutoscalerConfig.behavior", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_Trigger_UsesTheScalersOwnTargetAndActivation()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: Prometheus));

        Fact(explanation, "trigger").ShouldBe("backlog (prometheus, AverageValue): a PromQL instant query; wants ceil(value / 5) instances; active while value > 0");
    }

    [Fact]
    public void Explain_EmptyBehavior_GivesKubernetesDefaultsInsteadOfTheLegacyRules()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: Prometheus, specBody: "advanced: {horizontalPodAutoscalerConfig: {behavior: {}}}"));

        Fact(explanation, "scale up").ShouldBe("stabilization window 0 s (default); at most 4 instances per 15 s and 100% per 15 s (default) added, the policy allowing the most change wins (selectPolicy Max (default)); no change while the ratio is within 0.1 (default tolerance)");
        Fact(explanation, "scale down").ShouldStartWith("stabilization window 300 s (default); at most 100% per 15 s (default) removed");
        explanation.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Explain_WrittenBehavior_ShowsItWithoutDefaultMarks()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: Prometheus, specBody: """
            advanced:
              horizontalPodAutoscalerConfig:
                behavior:
                  scaleDown:
                    stabilizationWindowSeconds: 60
                    selectPolicy: Min
                    tolerance: "0.05"
                    policies: [{type: Pods, value: 2, periodSeconds: 30}]
            """));

        Fact(explanation, "scale down").ShouldBe("stabilization window 60 s; at most 2 instances per 30 s removed, the policy allowing the least change wins (selectPolicy Min); no change while the ratio is within 0.05 (tolerance 0.05)");
    }

    [Fact]
    public void Explain_MinAboveZeroWithCooldown_NeverToZeroAndWarnsTheCooldownIsUnused()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: Prometheus, specBody: "minReplicaCount: 2\ncooldownPeriod: 60"));

        Fact(explanation, "to zero").ShouldBe("never: minReplicaCount 2 is the floor");
        Fact(explanation, "from zero").ShouldContain("Crema sets 2 (max(minReplicaCount, 1))");
        explanation.Warnings.ShouldContain(w => w.StartsWith("cooldownPeriod is set but has no effect", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_IdleReplicaCount_GoesToTheIdleCount()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: Prometheus, specBody: "minReplicaCount: 3\nidleReplicaCount: 0\ncooldownPeriod: 120\ninitialCooldownPeriod: 600"));

        Fact(explanation, "to zero").ShouldBe("to 0 (idleReplicaCount) once every trigger has been inactive for 120 s (cooldownPeriod); after a start, not before 600 s (initialCooldownPeriod); never because a trigger failed");
        Fact(explanation, "instances").ShouldEndWith("; 0 while idle (idleReplicaCount)");
    }

    [Fact]
    public void Explain_ActivationAboveTarget_Warns()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: """
            triggers:
              - type: prometheus
                name: backlog
                metadata: {serverAddress: "http://prometheus:9090", query: q, threshold: "5", activationThreshold: "20"}
            """));

        Fact(explanation, "trigger").ShouldEndWith("active while value > 20");
        explanation.Warnings.ShouldContain("trigger backlog: activation (value > 20) is above the target 5: at 0 instances values between them keep the object at zero although they ask for 4 instances once running");
    }

    [Fact]
    public void Explain_ScalingModifiers_TheFormulaDecidesAndTriggersOnlyFeedIt()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: Prometheus, specBody: """
            advanced:
              scalingModifiers: {formula: "backlog * 2", target: "10", activationTarget: "3"}
            """));

        Fact(explanation, "formula").ShouldBe("composite = backlog * 2; it replaces the triggers' own metrics: wants ceil(composite / 10) instances (AverageValue); active while composite > 3 (activationTarget), and inactive while any trigger fails");
        Fact(explanation, "trigger").ShouldContain("feeds the formula as \"backlog\" (its own target 5 is not used)");
    }

    [Fact]
    public void Explain_Paused_SaysNothingElseApplies()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: Prometheus, metadata: "annotations: {autoscaling.keda.sh/paused-replicas: \"3\"}"));

        Fact(explanation, "paused").ShouldStartWith("held at 3 instances (paused-replicas)");
    }

    [Fact]
    public void Explain_ScaleDownDisabled_WarnsThatScaleToZeroStillHappens()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: Prometheus, specBody: "advanced: {horizontalPodAutoscalerConfig: {behavior: {scaleDown: {selectPolicy: Disabled}}}}"));

        Fact(explanation, "scale down").ShouldBe("disabled: the HPA never changes the count in this direction");
        explanation.Warnings.ShouldContain(w => w.StartsWith("scaleDown is disabled", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_Fallback_SaysWhatATriggerProposes()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: Prometheus, specBody: "fallback: {failureThreshold: 3, replicas: 6, behavior: currentReplicasIfHigher}"));

        Fact(explanation, "on errors").ShouldBe("after more than 3 consecutive failures a trigger proposes max(current, 6) instances (fallback, behavior CurrentReplicasIfHigher) and counts as active");
    }

    [Fact]
    public void Explain_ThresholdFromEnvironment_SaysTheShownValueIsTheDefault()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: """
            triggers:
              - type: rabbitmq
                name: jobs
                metadata: {hostFromEnv: RABBIT_URL, queueName: jobs, mode: QueueLength, value: "7"}
            """));

        Fact(explanation, "trigger").ShouldContain("wants ceil(value / 7) instances");
        Fact(explanation, "trigger").ShouldEndWith("(host from $RABBIT_URL at run time; a threshold read that way is shown with its default here)");
    }

    [Fact]
    public void Explain_ExternalScaler_SaysTheSourceDecides()
    {
        var explanation = Explain(ConfigTestHelper.OneScaledObject(triggers: """
            triggers:
              - type: external
                name: ext
                metadata: {scalerAddress: "scaler:6000"}
            """));

        Fact(explanation, "trigger").ShouldEndWith("its target and activity come from the source at run time");
    }

    [Fact]
    public void Explain_ServiceTarget_WarnsAboutManualScaling()
    {
        var yaml = ConfigTestHelper.OneScaledObject(triggers: Prometheus).Replace("workerPools/pool", "services/api", StringComparison.Ordinal);

        Explain(yaml).Warnings.ShouldContain(w => w.StartsWith("the target is a service", StringComparison.Ordinal));
    }
}
