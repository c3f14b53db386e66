using Crema.Abstractions;

namespace Crema.Host.Daemon;

/// <summary>
/// One read of a <see cref="TriggerSlot"/>'s scaler, in flight. It owns the scaler instance until it ends;
/// a read its caller stopped waiting for is abandoned, and the instance it holds is retired with it.
/// </summary>
internal sealed class ScalerRead
{
    /// <summary>Ends with the reading or the read's exception (not when its caller stops waiting).</summary>
    public Task<MetricReading> Task { get; set; } = null!;

    /// <summary>Set (under the slot's lock) when the caller gave up waiting before the read ended.</summary>
    public bool Abandoned { get; set; }

    /// <summary>Set (under the slot's lock) once the read handed its instance back or retired it.</summary>
    public bool Ended { get; set; }
}
