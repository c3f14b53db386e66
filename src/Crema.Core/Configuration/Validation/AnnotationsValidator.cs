using System.Globalization;
using Crema.Core.Configuration.Binding;
using Crema.Core.Configuration.Reporting;

namespace Crema.Core.Configuration.Validation;

/// <summary>KEDA's pause annotations must hold values Crema can act on; other keys in their namespace are likely typos.</summary>
internal sealed class AnnotationsValidator : IConfigValidator
{
    public const string Paused = "autoscaling.keda.sh/paused";
    public const string PausedReplicas = "autoscaling.keda.sh/paused-replicas";
    public const string PausedScaleIn = "autoscaling.keda.sh/paused-scale-in";
    public const string PausedScaleOut = "autoscaling.keda.sh/paused-scale-out";
    public const string ForceActivation = "autoscaling.keda.sh/force-activation";

    private const string KedaPrefix = "autoscaling.keda.sh/";
    private static readonly string[] Known = [Paused, PausedReplicas, PausedScaleIn, PausedScaleOut, ForceActivation];

    private static readonly HashSet<string> GoBooleans =
        new(["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"], StringComparer.Ordinal);

    public void Validate(ValidationContext context)
    {
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            var annotations = scaledObject.Metadata?.Annotations;
            if (annotations is null)
            {
                continue;
            }
            var annotationsPath = path + ".metadata.annotations";
            WarnUnknown(context, annotations.Keys, annotationsPath);
            foreach (var key in new[] { Paused, PausedScaleIn, PausedScaleOut, ForceActivation })
            {
                if (annotations.TryGetValue(key, out var flag) && !GoBooleans.Contains(flag))
                {
                    // KEDA reads these with Go's strconv.ParseBool (no trimming); the engine does the same.
                    context.Error(ConfigPath.Field(annotationsPath, key), $"\"{flag}\" is not a boolean; use \"true\" or \"false\"");
                }
            }
            if (annotations.TryGetValue(PausedReplicas, out var replicas)
                && (!int.TryParse(replicas, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                context.Error(ConfigPath.Field(annotationsPath, PausedReplicas), $"\"{replicas}\" is not a non-negative integer (the replica count to hold while paused)");
            }
        }
    }

    /// <summary>A misspelled pause annotation would silently not pause: warn, suggesting the nearest known one.</summary>
    private static void WarnUnknown(ValidationContext context, IEnumerable<string> keys, string annotationsPath)
    {
        var unknown = keys.Where(k => k.StartsWith(KedaPrefix, StringComparison.Ordinal) && !Known.Contains(k, StringComparer.Ordinal));
        foreach (var key in unknown.Order(StringComparer.Ordinal))
        {
            // Compare the names after the shared prefix, or every key would look close to every other.
            var suggestion = NameSuggester.Closest(key[KedaPrefix.Length..], Known.Select(k => k[KedaPrefix.Length..]));
            var message = $"unknown annotation \"{key}\" is ignored";
            context.Warning(ConfigPath.Field(annotationsPath, key), suggestion is null
                ? $"{message}; known: {string.Join(", ", Known)}"
                : $"{message}; did you mean \"{KedaPrefix}{suggestion}\"?");
        }
    }
}
