using Crema.Core.Configuration.Reporting;

namespace Crema.Core.Configuration.Validation;

/// <summary>The Kubernetes bounds of HPA behavior (stabilization window, tolerance, policies).</summary>
internal sealed class HpaBehaviorValidator : IConfigValidator
{
    private const int MaxWindowSeconds = 3600;
    private const int MaxPeriodSeconds = 1800;

    public void Validate(ValidationContext context)
    {
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            var behavior = scaledObject.Spec.Advanced?.HorizontalPodAutoscalerConfig?.Behavior;
            var behaviorPath = path + ".spec.advanced.horizontalPodAutoscalerConfig.behavior";
            CheckRules(context, behavior?.ScaleUp, behaviorPath + ".scaleUp");
            CheckRules(context, behavior?.ScaleDown, behaviorPath + ".scaleDown");
        }
    }

    private static void CheckRules(ValidationContext context, HpaScalingRules? rules, string path)
    {
        if (rules is null)
        {
            return;
        }
        if (rules.StabilizationWindowSeconds is { } window and (< 0 or > MaxWindowSeconds))
        {
            context.Error(path + ".stabilizationWindowSeconds", $"stabilizationWindowSeconds must be between 0 and {ValidationContext.Text(MaxWindowSeconds)}, found {ValidationContext.Text(window)}");
        }
        if (rules.Tolerance is { } tolerance)
        {
            CheckTolerance(context, tolerance, path + ".tolerance");
        }
        if (rules.Policies is { Count: 0 } && context.IsWritten(path + ".policies"))
        {
            context.Error(path + ".policies", "at least one policy is required; remove policies to use the defaults");
        }
        for (var i = 0; i < (rules.Policies?.Count ?? 0); i++)
        {
            var policy = rules.Policies![i];
            var policyPath = ConfigPath.Item(path + ".policies", i);
            if (policy.Value <= 0)
            {
                context.Error(policyPath + ".value", $"value must be greater than 0, found {ValidationContext.Text(policy.Value)}");
            }
            if (policy.PeriodSeconds is < 1 or > MaxPeriodSeconds)
            {
                context.Error(policyPath + ".periodSeconds", $"periodSeconds must be between 1 and {ValidationContext.Text(MaxPeriodSeconds)}, found {ValidationContext.Text(policy.PeriodSeconds)}");
            }
        }
    }

    /// <summary>A Kubernetes quantity, at least 0 (autoscaling validation: "must be greater than or equal to 0").</summary>
    private static void CheckTolerance(ValidationContext context, string text, string path)
    {
        if (!KubernetesQuantity.TryParse(text, out var value))
        {
            context.Error(path, $"\"{text}\" is not a Kubernetes quantity; write a ratio such as 0.05 or 50m (5%)");
        }
        else if (value < 0)
        {
            context.Error(path, $"tolerance must be at least 0, found {text}");
        }
    }
}
