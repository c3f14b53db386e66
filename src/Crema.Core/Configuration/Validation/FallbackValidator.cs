namespace Crema.Core.Configuration.Validation;

/// <summary>KEDA's CheckFallbackValid: non-negative numbers, and (without scaling modifiers) a trigger other than cpu/memory.</summary>
internal sealed class FallbackValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            var spec = scaledObject.Spec;
            if (spec.Fallback is not { } fallback)
            {
                continue;
            }
            var fallbackPath = path + ".spec.fallback";
            if (fallback.FailureThreshold < 0)
            {
                context.Error(fallbackPath + ".failureThreshold", $"failureThreshold must be at least 0, found {ValidationContext.Text(fallback.FailureThreshold)}");
            }
            if (fallback.Replicas < 0)
            {
                context.Error(fallbackPath + ".replicas", $"replicas must be at least 0, found {ValidationContext.Text(fallback.Replicas)}");
            }
            var usesModifiers = spec.Advanced?.ScalingModifiers is not null;
            if (!usesModifiers && spec.Triggers.Count > 0 && spec.Triggers.All(t => t.Type is "cpu" or "memory"))
            {
                context.Error(fallbackPath, "fallback needs at least one trigger that is not cpu or memory (KEDA: \"at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled\"): cpu/memory metrics go to the HPA, which has no fallback");
            }
        }
    }
}
