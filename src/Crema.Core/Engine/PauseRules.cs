using System.Globalization;

namespace Crema.Core.Engine;

/// <summary>
/// KEDA's pause annotations: <c>paused-replicas</c> (present at all) or <c>paused</c> freeze the object;
/// <c>paused-scale-in</c> / <c>paused-scale-out</c> block one direction. A boolean value that does not parse counts
/// as true, like KEDA's getBoolAnnotation. <c>force-activation</c> makes the executor treat the object as active
/// (KEDA 2.20 scale_scaledobjects.go: <c>isActive || NeedToForceActivation()</c>).
/// </summary>
internal static class PauseRules
{
    public const string PausedAnnotation = "autoscaling.keda.sh/paused";
    public const string PausedReplicasAnnotation = "autoscaling.keda.sh/paused-replicas";
    public const string PausedScaleInAnnotation = "autoscaling.keda.sh/paused-scale-in";
    public const string PausedScaleOutAnnotation = "autoscaling.keda.sh/paused-scale-out";
    public const string ForceActivationAnnotation = "autoscaling.keda.sh/force-activation";

    public static PauseState Read(IReadOnlyDictionary<string, string>? annotations)
    {
        if (annotations is null || annotations.Count == 0)
        {
            return PauseState.None;
        }

        int? pausedReplicas = null;
        string? invalid = null;
        var hasPausedReplicas = annotations.TryGetValue(PausedReplicasAnnotation, out var raw);
        if (hasPausedReplicas)
        {
            // Go's strconv.ParseInt: an optional sign, no surrounding spaces.
            if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 0)
            {
                pausedReplicas = n;
            }
            else
            {
                invalid = raw ?? string.Empty;
            }
        }

        return new PauseState(
            hasPausedReplicas || Flag(annotations, PausedAnnotation),
            pausedReplicas,
            invalid,
            Flag(annotations, PausedScaleInAnnotation),
            Flag(annotations, PausedScaleOutAnnotation),
            Flag(annotations, ForceActivationAnnotation));
    }

    private static bool Flag(IReadOnlyDictionary<string, string> annotations, string key) =>
        annotations.TryGetValue(key, out var value) && ParseGoBool(value) != false;

    // Go's strconv.ParseBool (no trimming: " false" is not a boolean, so it counts as true); null means "not a boolean".
    private static bool? ParseGoBool(string? value) => value switch
    {
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => null,
    };
}
