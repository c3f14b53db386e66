using System.Diagnostics.Metrics;
using Crema.Host.Status;

namespace Crema.Host.Observability;

/// <summary>
/// Every instrument Crema exports on /metrics. Gauges read the <see cref="StatusStore"/> at scrape time;
/// counters and histograms are recorded by the loops. Label values never hold secrets. With
/// <c>perTrigger</c> false (<c>--trigger-metrics off</c>) no series carries a <c>trigger</c> label: the
/// per-trigger gauges are not exported and trigger errors are counted per object and type.
/// </summary>
internal sealed partial class CremaMetrics : IDisposable
{
    public const string MeterName = "Crema";
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    // One series per object: 9 bounds (12 lines with +Inf, sum and count) rather than 13, which pays for the
    // object-level series alerts need. Reads time out at 10 to 60 s, so a poll is rarely longer than a minute.
    private static readonly double[] PollBuckets = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60];
    private readonly Meter meter = new(MeterName);
    private readonly bool perTrigger;
    private readonly Counter<long> triggerErrors;
    private readonly Counter<long> scaleOperations;
    private readonly Counter<long> cloudRunCalls;
    private readonly Counter<long> configReloads;
    private readonly Counter<long> targetDrifts;
    private readonly Histogram<double> pollDuration;

    public CremaMetrics(StatusStore status, bool perTrigger = true)
    {
        this.perTrigger = perTrigger;
        Exporter = new PrometheusTextExporter(meter, DurationBuckets);
        if (perTrigger)
        {
            CreateTriggerGauges(status);
        }
        meter.CreateObservableGauge("crema_desired_instances", () => Objects(status, o => o.Desired), description: "Instances the last decision asked for.");
        meter.CreateObservableGauge("crema_current_instances", () => Objects(status, o => o.Current), description: "Instances last read from or applied to Cloud Run.");
        meter.CreateObservableGauge("crema_scaled_object_active", () => Objects(status, o => o.Active ? 1 : 0), description: "1 when the scaled object is active.");
        meter.CreateObservableGauge("crema_target_can_scale", () => Objects(status, o => o.CloudRun.CanScale ? 1 : 0), description: "1 when Crema can read and set the target's count, 0 while it backs off after failures.");
        meter.CreateObservableGauge("crema_target_consecutive_failures", () => Objects(status, o => o.CloudRun.ConsecutiveFailures), description: "Failed Cloud Run calls in a row for the target, etag conflicts included.");
        meter.CreateObservableGauge("crema_target_state", () => TargetStates(status), description: "1 for the target's state: ok, conflict, forbidden, not_found, automatic_scaling or error.");
        meter.CreateObservableGauge("crema_config_loaded_timestamp_seconds", () => ConfigLoaded(status), description: "Unix time the running config was loaded.");
        instanceSeconds = CreateObjectInstruments(status);
        triggerErrors = meter.CreateCounter<long>("crema_trigger_errors_total", description: "Failed trigger reads.");
        scaleOperations = meter.CreateCounter<long>("crema_scale_operations_total", description: "Instance count updates by result (applied, conflict, failed, dry_run, stopped: cut short by shutdown).");
        cloudRunCalls = meter.CreateCounter<long>("crema_cloud_run_api_calls_total", description: "Cloud Run Admin API calls by method, target and HTTP status (0: no answer).");
        configReloads = meter.CreateCounter<long>("crema_config_reloads_total", description: "Config loads by result (applied, invalid, unreadable, failed).");
        targetDrifts = meter.CreateCounter<long>("crema_target_drift_total", description: "Times a target's count was found changed by another writer.");
        leaseOperations = CreateLeaseInstruments(status);
        pollDuration = meter.CreateHistogram<double>("crema_poll_duration_seconds", unit: "s", description: "Time to read every trigger of a scaled object and decide.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PollBuckets });
        triggerReadDuration = meter.CreateHistogram<double>("crema_trigger_read_duration_seconds", unit: "s",
            description: "Time one trigger read took (from its start, after waiting for its type's concurrency bound, to its answer, error or timeout), by trigger type and result.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        CreateProcessInstruments();
    }

    public PrometheusTextExporter Exporter { get; }

    /// <summary>This instance's meter: an OTLP export takes its instruments only, not those of another daemon in the process.</summary>
    internal Meter Meter => meter;

    /// <summary>One failed read; without per-trigger series the trigger's name is left out (the object and type stay).</summary>
    public void TriggerError(string scaledObject, string trigger, string type)
    {
        if (perTrigger)
        {
            triggerErrors.Add(1, new("scaled_object", scaledObject), new("trigger", trigger), new("type", type));
        }
        else
        {
            triggerErrors.Add(1, new("scaled_object", scaledObject), new("type", type));
        }
    }

    public void ScaleOperation(string scaledObject, string result) =>
        scaleOperations.Add(1, new("scaled_object", scaledObject), new("result", result));

    public void CloudRunCall(string method, string target, int status) =>
        cloudRunCalls.Add(1, new("method", method), new("target", target), new("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public void TargetDrift(string scaledObject, string target) =>
        targetDrifts.Add(1, new("scaled_object", scaledObject), new("target", target));

    public void ConfigReload(string result) => configReloads.Add(1, new KeyValuePair<string, object?>("result", result));

    public void PollDuration(string scaledObject, TimeSpan duration) =>
        pollDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("scaled_object", scaledObject));

    public void Dispose()
    {
        Exporter.Dispose();
        meter.Dispose();
    }

    private void CreateTriggerGauges(StatusStore status)
    {
        meter.CreateObservableGauge("crema_trigger_metric_value", () => Triggers(status, t => t.Value), description: "Last value read by each trigger.");
        meter.CreateObservableGauge("crema_trigger_metric_target", () => Triggers(status, t => t.Target), description: "Target value of each trigger.");
        meter.CreateObservableGauge("crema_trigger_active", () => Triggers(status, t => t.Active ? 1 : 0), description: "1 when the trigger is active.");
        meter.CreateObservableGauge("crema_trigger_consecutive_failures", () => Triggers(status, t => t.ConsecutiveFailures), description: "Consecutive failed reads of each trigger.");
        meter.CreateObservableGauge("crema_trigger_fallback", () => Triggers(status, t => t.InFallback ? 1 : 0), description: "1 while the trigger is in fallback.");
        meter.CreateObservableGauge("crema_trigger_stranded_reads", () => Triggers(status, t => t.StrandedReads), description: "Reads abandoned after their timeout and still running (each holds a place in its trigger type's concurrency bound).");
        meter.CreateObservableGauge("crema_scaler_detail", () => Details(status), description: "Extra figures reported by scalers (for example API requests per poll).");
    }

    private static IEnumerable<Measurement<double>> Triggers(StatusStore status, Func<TriggerStatus, double?> pick) =>
        from o in status.Objects
        from t in o.Triggers
        let v = pick(t)
        where v.HasValue
        select new Measurement<double>(v.Value, new("scaled_object", o.Name), new("trigger", t.Name), new("type", t.Type));

    private static IEnumerable<Measurement<double>> Details(StatusStore status) =>
        from o in status.Objects
        from t in o.Triggers
        from d in t.Details ?? new Dictionary<string, double>()
        select new Measurement<double>(d.Value, new("scaled_object", o.Name), new("trigger", t.Name), new("name", d.Key));

    private static IEnumerable<Measurement<double>> Objects(StatusStore status, Func<ObjectStatus, double?> pick) =>
        from o in status.Objects
        let v = pick(o)
        where v.HasValue
        select new Measurement<double>(v.Value, new("scaled_object", o.Name), new("target", o.Target));

    private static IEnumerable<Measurement<double>> TargetStates(StatusStore status) =>
        from o in status.Objects
        select new Measurement<double>(1, new("scaled_object", o.Name), new("target", o.Target), new("state", o.CloudRun.State));

    private static IEnumerable<Measurement<double>> ConfigLoaded(StatusStore status) =>
        status.Config.LoadedAt is { } at ? [new Measurement<double>(at.ToUnixTimeMilliseconds() / 1000.0)] : [];
}
