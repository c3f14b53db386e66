using Crema.Host.Daemon;
using Crema.Host.Observability;
using Crema.Host.Status;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Leadership;

/// <summary>Composes a daemon's <see cref="LeaseElector"/>: its store, its status and metrics, and the User-Agent tag of its Google calls.</summary>
internal static class LeaseElectors
{
    public static LeaseElector Create(LeaseOptions lease, DaemonOptions options, GoogleServices google, ILoggerFactory logging, StatusStore status, CremaMetrics metrics)
    {
        var store = options.LeaseStore ?? LeaseStores.Create(lease.Location, google, options.Environment);
        var identified = lease.Identity is null ? lease with { Identity = HolderIdentity.Fallback() } : lease;
        var elector = new LeaseElector(store, identified, options.Time, logging, s => status.Leadership = s, metrics.LeaseOperation);
        google.TagRequests(() => elector.WriterTag);
        return elector;
    }
}
