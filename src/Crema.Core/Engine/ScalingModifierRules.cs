using System.Globalization;
using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Expressions;

namespace Crema.Core.Engine;

/// <summary>
/// KEDA scalingModifiers (pkg/scaling/modifiers, scale_handler.go): the formula over trigger values replaces the
/// triggers' metrics; activity is composite &gt; activationTarget and is false whenever a trigger failed. A trigger in
/// fallback makes the composite metric fallback replicas x target; a nil formula result (<c>??</c> ending in nil)
/// does the same with fallback.replicas, and is an error without fallback.
/// </summary>
internal static class ScalingModifierRules
{
    public const string CompositeName = "composite-metric";

    public static bool IsUsed(ScaledObjectSpec spec) => !string.IsNullOrWhiteSpace(spec.Advanced?.ScalingModifiers?.Formula);

    public static CompositeSignal Evaluate(ScalingModifiers modifiers, Fallback? fallback, IReadOnlyList<TriggerEvaluation> evaluations)
    {
        var metricType = modifiers.MetricType ?? MetricType.AverageValue;
        if (!TryParse(modifiers.Target, out var target) || target <= 0)
        {
            return Failure(metricType, $"scalingModifiers.target '{modifiers.Target}' is not a positive number");
        }

        var activation = 0d;
        if (!string.IsNullOrWhiteSpace(modifiers.ActivationTarget) && !TryParse(modifiers.ActivationTarget, out activation))
        {
            return Failure(metricType, $"scalingModifiers.activationTarget '{modifiers.ActivationTarget}' is not a number");
        }

        var failed = evaluations.Where(e => e.Failed).Select(e => e.Name).ToList();
        if (evaluations.FirstOrDefault(e => e.InFallback) is { } inFallback)
        {
            var replicas = inFallback.FallbackReplicas!.Value;
            var input = HpaInput.FromEvaluation(inFallback, fallback?.FailureThreshold) with
            {
                Name = CompositeName, MetricType = metricType, Target = target,
            };
            return new CompositeSignal(failed.Count == 0 && replicas * target > activation, failed.Count > 0, input, null);
        }

        if (failed.Count > 0)
        {
            return Failure(metricType, $"trigger {string.Join(", ", failed)} failed; the formula needs every trigger");
        }

        // KEDA evaluates the formula over the triggers' milli-quantities and tests activity on the composite one
        // (modifiers/formula.go, scale_handler.go getScaledObjectState).
        var variables = evaluations.ToDictionary(e => e.Name, e => MilliQuantity.Truncate(e.Value ?? 0), StringComparer.Ordinal);
        double? result;
        try
        {
            result = Formula.Parse(modifiers.Formula).EvaluateOrNil(variables);
        }
        catch (FormulaException ex)
        {
            return Failure(metricType, "scalingModifiers.formula: " + ex.Message);
        }

        if (result is null)
        {
            if (fallback is null)
            {
                return Failure(metricType, "scalingModifiers.formula evaluated to nil and no fallback is configured");
            }

            var note = string.Create(CultureInfo.InvariantCulture, $"fallback: formula evaluated to nil, proposing {fallback.Replicas}");
            var nilInput = new HpaInput(CompositeName, metricType, fallback.Replicas * target, target, null, note, false);
            return new CompositeSignal(fallback.Replicas * target > activation, false, nilInput, null);
        }

        var value = MilliQuantity.Truncate(FallbackRules.Sanitize(result.Value));
        return new CompositeSignal(value > activation, false, new HpaInput(CompositeName, metricType, value, target, null, null, false), null);
    }

    private static CompositeSignal Failure(MetricType metricType, string error) =>
        new(false, true, new HpaInput(CompositeName, metricType, 0, 1, null, null, true), error);

    private static bool TryParse(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
