using Crema.Abstractions;
using Crema.Core.Configuration;

namespace Crema.Core.Explain;

/// <summary>One trigger in plain words: its source, what it asks for, and when it is active.</summary>
internal static class TriggerExplainer
{
    private const string FromEnvSuffix = "FromEnv";

    public static string Describe(CremaSpec spec, ScaledObject scaledObject, int index, ScalerRegistry scalers, bool formulaDecides, List<string> warnings)
    {
        var trigger = scaledObject.Spec.Triggers[index];
        var context = TriggerContexts.ForValidation(spec, scaledObject, index);
        var type = trigger.MetricType ?? MetricType.AverageValue;
        var head = $"{context.TriggerName} ({trigger.Type}, {type})";
        if (!scalers.TryGet(trigger.Type, out var factory))
        {
            return $"{head}: unknown type";
        }
        var fromEnvironment = trigger.Metadata.Keys
            .Where(k => k.Length > FromEnvSuffix.Length && k.EndsWith(FromEnvSuffix, StringComparison.Ordinal))
            .Select(k => $"{k[..^FromEnvSuffix.Length]} from ${trigger.Metadata[k]}")
            .ToList();
        var environmentNote = fromEnvironment.Count == 0
            ? ""
            : $" ({string.Join(", ", fromEnvironment)} at run time; a threshold read that way is shown with its default here)";
        if (TriggerThresholds.Probe(factory, context) is not { } thresholds)
        {
            return $"{head}: {factory.Description}; its target and activity come from the source at run time{environmentNote}";
        }
        var target = ScaledObjectExplainer.Text(thresholds.Target);
        if (formulaDecides)
        {
            return $"{head}: {factory.Description}; feeds the formula as \"{context.TriggerName}\" (its own target {target} is not used); active while {thresholds.Activation}{environmentNote}";
        }
        if (ResourceTriggers.IsResource(trigger.Type))
        {
            // KEDA hands these to the HPA as Resource metrics: they size the target but never make it active.
            return $"{head}: {factory.Description}; wants ceil(current x utilization / {target}%) instances (whole percents); " +
                $"takes no part in activation, so it cannot scale from zero{environmentNote}";
        }
        var wants = type == MetricType.AverageValue ? $"ceil(value / {target})" : $"ceil(current x value / {target})";
        if (type == MetricType.AverageValue && thresholds.ActiveAbove is { } activation && activation > thresholds.Target)
        {
            warnings.Add($"trigger {context.TriggerName}: activation ({thresholds.Activation}) is above the target {target}: at 0 instances values between them keep the object at zero although they ask for {Math.Ceiling(activation / thresholds.Target)} instances once running");
        }
        return $"{head}: {factory.Description}; wants {wants} instances; active while {thresholds.Activation}{environmentNote}";
    }
}
