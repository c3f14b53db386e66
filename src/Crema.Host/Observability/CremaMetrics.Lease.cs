using System.Diagnostics.Metrics;
using Crema.Host.Status;

namespace Crema.Host.Observability;

/// <summary>The lease's instruments: present only when a lease is configured (the gauges then have a series).</summary>
internal sealed partial class CremaMetrics
{
    private readonly Counter<long> leaseOperations;

    /// <summary>One call to the lease store: operation read, create, acquire, renew or release; result ok, not_found, conflict or failed.</summary>
    public void LeaseOperation(string operation, string result) =>
        leaseOperations.Add(1, new("operation", operation), new("result", result));

    private Counter<long> CreateLeaseInstruments(StatusStore status)
    {
        meter.CreateObservableGauge("crema_lease_leader", () => Lease(status, l => l.Role == "leader" ? 1 : 0),
            description: "1 while this daemon holds the lease and may write to Cloud Run, 0 while it stands by.");
        meter.CreateObservableGauge("crema_lease_info", () => status.Leadership is { } l
                ? [new Measurement<double>(1, new("lease", l.Lease), new("identity", l.Identity), new("role", l.Role), new("holder", l.Holder ?? ""))]
                : Array.Empty<Measurement<double>>(),
            description: "Always 1: this daemon's identity and role, and the lease holder as last read.");
        meter.CreateObservableGauge("crema_lease_transitions", () => Lease(status, l => l.Term),
            description: "The lease's leaseTransitions as last read (one more with every change of holder).");
        return meter.CreateCounter<long>("crema_lease_operations_total", description: "Lease store calls by operation and result.");
    }

    private static IEnumerable<Measurement<double>> Lease(StatusStore status, Func<Leadership.LeadershipStatus, double?> pick) =>
        status.Leadership is { } l && pick(l) is { } value ? [new Measurement<double>(value, new("lease", l.Lease), new("identity", l.Identity))] : [];
}
