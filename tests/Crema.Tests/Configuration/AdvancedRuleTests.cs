using Crema.Core.Configuration;
using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

public sealed class AdvancedRuleTests
{
    private const string So = "spec.scaledObjects[0].spec";
    private const string Behavior = So + ".advanced.horizontalPodAutoscalerConfig.behavior";
    private const string Modifiers = So + ".advanced.scalingModifiers";

    [Theory]
    [InlineData("fallback: {replicas: 2}", "fallback.failureThreshold", "missing required field \"failureThreshold\"")]
    [InlineData("fallback: {failureThreshold: 2}", "fallback.replicas", "missing required field \"replicas\"")]
    [InlineData("fallback: {failureThreshold: -1, replicas: 2}", "fallback.failureThreshold", "failureThreshold must be at least 0, found -1")]
    [InlineData("fallback: {failureThreshold: 1, replicas: -2}", "fallback.replicas", "replicas must be at least 0, found -2")]
    public void Load_BadFallback_ReportsIt(string body, string field, string message)
    {
        Load(OneScaledObject(body)).ShouldHaveError($"{So}.{field}", message);
    }

    [Fact]
    public void Load_FallbackWithOnlyCpuAndMemoryTriggers_IsRejected()
    {
        var yaml = OneScaledObject("fallback: {failureThreshold: 3, replicas: 2}", triggers: "triggers: [{type: cpu}, {type: memory}]");

        Load(yaml).ShouldHaveError($"{So}.fallback", "fallback needs at least one trigger that is not cpu or memory");
    }

    [Fact]
    public void Load_FallbackWithValueMetricType_IsAccepted()
    {
        // KEDA main (CheckFallbackValid) no longer rejects Value triggers: fallback scales the target by replicas.
        var yaml = OneScaledObject("fallback: {failureThreshold: 3, replicas: 2}", triggers: "triggers: [{type: github-runner, metricType: Value}, {type: cpu, metricType: Utilization}]");

        Load(yaml).ShouldBeValid();
    }

    [Theory]
    [InlineData("scaleUp: {stabilizationWindowSeconds: 3601}", "scaleUp.stabilizationWindowSeconds", "must be between 0 and 3600, found 3601")]
    [InlineData("scaleDown: {stabilizationWindowSeconds: -1}", "scaleDown.stabilizationWindowSeconds", "must be between 0 and 3600, found -1")]
    [InlineData("scaleUp: {policies: []}", "scaleUp.policies", "at least one policy is required")]
    [InlineData("scaleUp: {policies: [{type: Pods, value: 0, periodSeconds: 15}]}", "scaleUp.policies[0].value", "value must be greater than 0, found 0")]
    [InlineData("scaleUp: {policies: [{type: Pods, value: 1, periodSeconds: 0}]}", "scaleUp.policies[0].periodSeconds", "periodSeconds must be between 1 and 1800, found 0")]
    [InlineData("scaleUp: {policies: [{type: Pods, value: 1, periodSeconds: 1801}]}", "scaleUp.policies[0].periodSeconds", "found 1801")]
    [InlineData("scaleUp: {policies: [{type: Pod, value: 1, periodSeconds: 15}]}", "scaleUp.policies[0].type", "expected one of Pods, Percent (did you mean \"Pods\"?)")]
    [InlineData("scaleUp: {policies: [{value: 1, periodSeconds: 15}]}", "scaleUp.policies[0].type", "missing required field \"type\"")]
    [InlineData("scaleUp: {policies: [{type: Pods, value: abc, periodSeconds: 15}]}", "scaleUp.policies[0].value", "\"abc\" is not an integer")]
    [InlineData("scaleDown: {selectPolicy: Maximum}", "scaleDown.selectPolicy", "expected one of Max, Min, Disabled")]
    public void Load_BadHpaBehavior_ReportsIt(string rules, string field, string message)
    {
        var result = Load(OneScaledObject($"advanced:\n  horizontalPodAutoscalerConfig:\n    behavior: {{{rules}}}"));

        result.ShouldHaveError($"{Behavior}.{field}", message);
        result.Errors.Count.ShouldBe(1, Describe(result));
    }

    [Theory]
    [InlineData("{formula: \"a + b\"}", "target", "target is required with a formula")]
    [InlineData("{target: \"2\"}", "formula", "missing required field \"formula\"")]
    [InlineData("{formula: q, target: \"0\"}", "target", "target must be greater than 0, found 0")]
    [InlineData("{formula: q, target: abc}", "target", "\"abc\" is not a number")]
    [InlineData("{formula: q, target: \"2\", activationTarget: \"-1\"}", "activationTarget", "activationTarget must be at least 0, found -1")]
    [InlineData("{formula: q, target: \"2\", metricType: Utilization}", "metricType", "Utilization is not supported for external metrics")]
    public void Load_BadScalingModifiers_ReportsIt(string modifiers, string field, string message)
    {
        Load(OneScaledObject($"advanced: {{scalingModifiers: {modifiers}}}")).ShouldHaveError($"{Modifiers}.{field}", message);
    }

    [Fact]
    public void Load_ScalingModifiers_AcceptsNumbersAsText()
    {
        var result = Load(OneScaledObject("advanced: {scalingModifiers: {formula: queue * 2, target: 5, activationTarget: 0.5, metricType: Value}}", triggers: "triggers: [{type: github-runner, name: queue}]"));

        result.ShouldBeValid();
        var modifiers = result.Config!.Spec.ScaledObjects[0].Spec.Advanced!.ScalingModifiers!;
        (modifiers.Formula, modifiers.Target, modifiers.ActivationTarget, modifiers.MetricType).ShouldBe(("queue * 2", "5", "0.5", Crema.Abstractions.MetricType.Value));
    }

    [Fact]
    public void Load_RestoreToOriginalReplicaCount_IsAccepted()
    {
        Load(OneScaledObject("advanced: {restoreToOriginalReplicaCount: true, horizontalPodAutoscalerConfig: {name: x}}")).Config!
            .Spec.ScaledObjects[0].Spec.Advanced!.RestoreToOriginalReplicaCount.ShouldBe(true);
    }

    [Fact]
    public void Load_HpaBehavior_IsBound()
    {
        var result = Load(OneScaledObject("advanced:\n  horizontalPodAutoscalerConfig:\n    behavior:\n      scaleUp: {stabilizationWindowSeconds: 0, selectPolicy: Disabled}\n      scaleDown: {policies: [{type: Percent, value: 50, periodSeconds: 60}]}"));

        result.ShouldBeValid();
        var behavior = result.Config!.Spec.ScaledObjects[0].Spec.Advanced!.HorizontalPodAutoscalerConfig!.Behavior!;
        behavior.ScaleUp!.SelectPolicy.ShouldBe(SelectPolicy.Disabled);
        behavior.ScaleUp.Policies.ShouldBeNull();
        behavior.ScaleDown!.Policies!.ShouldHaveSingleItem().ShouldBe(new HpaScalingPolicy { Type = HpaPolicyType.Percent, Value = 50, PeriodSeconds = 60 });
    }

    private const string NamedTriggers = "triggers: [{type: github-runner, name: queue}, {type: github-runner, name: lag}, {type: cpu, name: cpu, metricType: Utilization}]";

    [Theory]
    [InlineData("queue + lag", true)]
    [InlineData("queue > 10 ? queue : lag ?? 0", true)]
    [InlineData("max(queue, lag) / 2", true)]
    public void Load_FormulaOverTriggerNames_IsValid(string formula, bool valid)
    {
        var result = Load(OneScaledObject($"advanced: {{scalingModifiers: {{formula: \"{formula}\", target: \"5\"}}}}", triggers: NamedTriggers));

        result.IsValid.ShouldBe(valid, Describe(result));
    }

    [Fact]
    public void Load_FormulaWithUnknownName_ReportsEachWithSuggestion()
    {
        var result = Load(OneScaledObject("advanced: {scalingModifiers: {formula: \"queu + other\", target: \"5\"}}", triggers: NamedTriggers));

        result.ShouldHaveError($"{Modifiers}.formula", "the formula uses \"queu\", which is not the name of a trigger; trigger names: queue, lag (did you mean \"queue\"?)");
        result.ShouldHaveError($"{Modifiers}.formula", "the formula uses \"other\"");
    }

    [Fact]
    public void Load_FormulaUsingCpuTrigger_IsRejectedAsKedaDoes()
    {
        Load(OneScaledObject("advanced: {scalingModifiers: {formula: \"cpu * 2\", target: \"5\"}}", triggers: NamedTriggers))
            .ShouldHaveError($"{Modifiers}.formula", "the formula uses \"cpu\", which is not the name of a trigger");
    }

    [Fact]
    public void Load_FormulaThatDoesNotParse_ReportsThePosition()
    {
        var result = Load(OneScaledObject("advanced: {scalingModifiers: {formula: \"queue + * lag\", target: \"5\"}}", triggers: NamedTriggers));

        var error = result.Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe($"{Modifiers}.formula");
        error.Message.ShouldBe("invalid formula at character 9: unexpected '*'; expected a number, a variable, a function call or '('");
    }

    [Fact]
    public void Load_FormulaCutShort_NamesOnePosition()
    {
        var result = Load(OneScaledObject("advanced: {scalingModifiers: {formula: \"(queue + lag\", target: \"5\"}}", triggers: NamedTriggers));

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("invalid formula at character 13: unexpected end of formula; expected ')'");
    }
}
