using System.Globalization;
using Crema.Core.Configuration.Reporting;

namespace Crema.Core.Configuration.Validation;

/// <summary>KEDA's pause annotations must hold values Crema can act on.</summary>
internal sealed class AnnotationsValidator : IConfigValidator
{
    public const string Paused = "autoscaling.keda.sh/paused";
    public const string PausedReplicas = "autoscaling.keda.sh/paused-replicas";
    public const string PausedScaleIn = "autoscaling.keda.sh/paused-scale-in";
    public const string PausedScaleOut = "autoscaling.keda.sh/paused-scale-out";

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
            foreach (var key in new[] { Paused, PausedScaleIn, PausedScaleOut })
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
}
