using Crema.Core.Engine;

namespace Crema.Host.Status;

/// <summary>
/// What the pause annotations ask of one object (KEDA's <c>paused</c>, <c>paused-replicas</c>,
/// <c>paused-scale-in</c>, <c>paused-scale-out</c>); null on /status when none is set.
/// </summary>
internal sealed record PauseStatus(bool Paused, int? PausedReplicas, bool ScaleInPaused, bool ScaleOutPaused)
{
    /// <summary>True when any pause annotation holds the count (fully, or in one direction).</summary>
    public bool IsPaused => Paused || ScaleInPaused || ScaleOutPaused;

    /// <summary>Read with the engine's own rules, so the page says exactly what the decision obeyed.</summary>
    public static PauseStatus? Of(IReadOnlyDictionary<string, string>? annotations)
    {
        var pause = PauseRules.Read(annotations);
        return pause.Paused || pause.ScaleInPaused || pause.ScaleOutPaused
            ? new PauseStatus(pause.Paused, pause.PausedReplicas, pause.ScaleInPaused, pause.ScaleOutPaused)
            : null;
    }

    /// <summary>For example "paused at 2", "paused", "scale-in paused".</summary>
    public string Describe() => Paused
        ? PausedReplicas is { } n ? "paused at " + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "paused"
        : ScaleInPaused && ScaleOutPaused ? "scale-in and scale-out paused" : ScaleInPaused ? "scale-in paused" : "scale-out paused";
}
