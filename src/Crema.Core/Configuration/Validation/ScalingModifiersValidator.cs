using System.Globalization;

namespace Crema.Core.Configuration.Validation;

/// <summary>KEDA's scalingModifiers rules: a formula needs a target &gt; 0; activationTarget &gt;= 0.</summary>
internal sealed class ScalingModifiersValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            if (scaledObject.Spec.Advanced?.ScalingModifiers is not { } modifiers)
            {
                continue;
            }
            var modifiersPath = path + ".spec.advanced.scalingModifiers";
            if (modifiers.Formula.Length > 0 && string.IsNullOrEmpty(modifiers.Target))
            {
                context.Error(modifiersPath + ".target", "target is required with a formula (a number greater than 0, for example \"10\")");
            }
            CheckNumber(context, modifiers.Target, modifiersPath + ".target", "target", exclusiveZero: true);
            CheckNumber(context, modifiers.ActivationTarget, modifiersPath + ".activationTarget", "activationTarget", exclusiveZero: false);
        }
    }

    private static void CheckNumber(ValidationContext context, string? text, string path, string name, bool exclusiveZero)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            context.Error(path, $"\"{text}\" is not a number");
        }
        else if (exclusiveZero ? value <= 0 : value < 0)
        {
            context.Error(path, $"{name} must be {(exclusiveZero ? "greater than 0" : "at least 0")}, found {text}");
        }
    }
}
