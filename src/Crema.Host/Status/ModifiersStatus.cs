using System.Globalization;
using Crema.Core.Configuration;
using Crema.Core.Engine;

namespace Crema.Host.Status;

/// <summary>
/// scalingModifiers as the decision used them: the formula, its target and activation target (the
/// triggers' own thresholds are then not used), and the composite value of the last poll.
/// </summary>
internal sealed record ModifiersStatus(
    string Formula, double? Target, double ActivationTarget, string MetricType, double? Value, bool InFallback, string? Error)
{
    public static ModifiersStatus? Of(ScaledObjectSpec spec, TriggerOutcome? composite)
    {
        if (!ScalingModifierRules.IsUsed(spec))
        {
            return null;
        }
        var modifiers = spec.Advanced!.ScalingModifiers!;
        return new ModifiersStatus(
            modifiers.Formula,
            Number(modifiers.Target),
            Number(modifiers.ActivationTarget) ?? 0,
            (modifiers.MetricType ?? Crema.Abstractions.MetricType.AverageValue).ToString(),
            composite?.Value,
            composite?.InFallback ?? false,
            composite?.Error);
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
