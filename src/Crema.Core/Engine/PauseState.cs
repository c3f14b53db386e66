namespace Crema.Core.Engine;

/// <summary>What the pause (and force-activation) annotations of a scaled object ask for.</summary>
internal sealed record PauseState(bool Paused, int? PausedReplicas, string? InvalidPausedReplicas, bool ScaleInPaused, bool ScaleOutPaused, bool ForceActivation = false)
{
    public static readonly PauseState None = new(false, null, null, false, false);
}
