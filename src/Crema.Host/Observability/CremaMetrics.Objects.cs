using System.Diagnostics.Metrics;
using System.Text.Json;
using Crema.Host.Status;

namespace Crema.Host.Observability;

/// <summary>
/// What an alert needs per object whatever its target answers (state, pause), the cost figure
/// (instance-seconds), trigger read latency and whether the last config reload was taken.
/// </summary>
internal sealed partial class CremaMetrics
{
    private static readonly string[] StateNames = [.. Enum.GetValues<ObjectState>().Select(s => JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()))];
    private readonly Counter<double> instanceSeconds;
    private readonly Histogram<double> triggerReadDuration;

    /// <summary>Instances × seconds the target ran with since the previous poll, as Crema knew its count.</summary>
    public void InstanceSeconds(string scaledObject, string target, double seconds) =>
        instanceSeconds.Add(seconds, new("scaled_object", scaledObject), new("target", target));

    /// <summary>One trigger read that ran (a read refused before it started is not timed): ok, or error (a timeout included).</summary>
    public void TriggerRead(string type, bool ok, TimeSpan duration) =>
        triggerReadDuration.Record(duration.TotalSeconds, new("result", ok ? "ok" : "error"), new("type", type));

    private Counter<double> CreateObjectInstruments(StatusStore status)
    {
        // Present for every object from its start, whether or not Cloud Run could be read: an object whose
        // target answers 404 has no current or desired series, but it has this one (state cant-scale).
        meter.CreateObservableGauge("crema_scaled_object_state", () => ObjectStates(status),
            description: "1 for the object's state as the status page shows it: unknown, cant-scale, paused, error, fallback, scaling, idle or active.");
        meter.CreateObservableGauge("crema_scaled_object_paused", () => Objects(status, o => o.Pause is { Paused: true } ? 1 : 0),
            description: "1 while paused or paused-replicas holds the object's count (paused-scale-in or -out alone: 0).");
        meter.CreateObservableGauge("crema_config_last_reload_successful", () => status.Config.LoadedAt is null
                ? Array.Empty<Measurement<double>>()
                : [new Measurement<double>(status.Config.LastReloadError is null ? 1 : 0)],
            description: "0 while the last config read was rejected or unreadable (the previous config keeps running), 1 once one is applied.");
        return meter.CreateCounter<double>("crema_instance_seconds_total", unit: "s",
            description: "Instance-seconds each target ran with, as Crema knew its count (added at each poll; nothing while the count is unknown).");
    }

    private static IEnumerable<Measurement<double>> ObjectStates(StatusStore status) =>
        from o in status.Objects
        select new Measurement<double>(1, new("scaled_object", o.Name), new("state", StateNames[(int)o.State]), new("target", o.Target));
}
