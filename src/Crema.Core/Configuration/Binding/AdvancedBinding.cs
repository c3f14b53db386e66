namespace Crema.Core.Configuration.Binding;

/// <summary>Binds <c>advanced</c>: HPA behavior and scaling modifiers.</summary>
internal static class AdvancedBinding
{
    public static AdvancedConfig Bind(MappingReader reader)
    {
        var hpa = reader.Child("horizontalPodAutoscalerConfig", FieldNames.Of<HorizontalPodAutoscalerConfig>());
        var modifiers = reader.Child("scalingModifiers", FieldNames.Of<ScalingModifiers>());
        return new AdvancedConfig
        {
            HorizontalPodAutoscalerConfig = hpa is null ? null : new HorizontalPodAutoscalerConfig
            {
                Name = hpa.String("name"),
                Behavior = hpa.Child("behavior", FieldNames.Of<HpaBehavior>()) is { } behavior ? BindBehavior(behavior) : null,
            },
            ScalingModifiers = modifiers is null ? null : new ScalingModifiers
            {
                Formula = modifiers.RequiredString("formula"),
                Target = modifiers.String("target"),
                ActivationTarget = modifiers.String("activationTarget"),
                MetricType = TriggerBinding.BindMetricType(modifiers),
            },
            RestoreToOriginalReplicaCount = reader.Bool("restoreToOriginalReplicaCount"),
        };
    }

    private static HpaBehavior BindBehavior(MappingReader reader) => new()
    {
        ScaleUp = reader.Child("scaleUp", FieldNames.Of<HpaScalingRules>()) is { } up ? BindRules(up) : null,
        ScaleDown = reader.Child("scaleDown", FieldNames.Of<HpaScalingRules>()) is { } down ? BindRules(down) : null,
    };

    private static HpaScalingRules BindRules(MappingReader reader) => new()
    {
        StabilizationWindowSeconds = reader.Int("stabilizationWindowSeconds"),
        SelectPolicy = reader.Enum<SelectPolicy>("selectPolicy"),
        Tolerance = reader.String("tolerance"),
        Policies = reader.Has("policies") ? [.. reader.MappingItems("policies", FieldNames.Of<HpaScalingPolicy>()).Select(BindPolicy)] : null,
    };

    private static HpaScalingPolicy BindPolicy(MappingReader reader) => new()
    {
        Type = reader.Enum<HpaPolicyType>("type", required: true) ?? HpaPolicyType.Pods,
        Value = reader.Int("value", required: true) ?? 0,
        PeriodSeconds = reader.Int("periodSeconds", required: true) ?? 0,
    };
}
