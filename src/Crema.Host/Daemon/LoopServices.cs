using Crema.Abstractions;
using Crema.Google.CloudRun;
using Crema.Host.Leadership;
using Crema.Host.Observability;
using Crema.Host.Status;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

/// <summary>What every scaling loop shares: clients, limits, clock, jitter, status and metrics.</summary>
internal sealed record LoopServices(
    ScalerRegistry Scalers,
    IScalerServices ScalerServices,
    ICloudRunClient CloudRun,
    AuthParamResolver Auth,
    ConcurrencyLimits Limits,
    StatusStore Status,
    CremaMetrics Metrics,
    TimeProvider Time,
    ILoggerFactory Logging,
    Func<string, string?> Environment,
    bool DryRun,
    LoopJitter Jitter)
{
    /// <summary>How long a stop may take (SIGTERM to exit); default <see cref="ShutdownGrace.Default"/>.</summary>
    public ShutdownGrace Shutdown { get; init; } = new(ShutdownGrace.Default, TimeProvider.System);
    /// <summary>Asked right before every write to Cloud Run; without a lease it always lets the write through.</summary>
    public IWriteGate WriteGate { get; init; } = OpenWriteGate.Instance;

    /// <summary>Re-read interval and back-off of Cloud Run targets; the defaults unless a test or the command line says otherwise.</summary>
    public TargetHealthOptions TargetHealth { get; init; } = TargetHealthOptions.Default;
}
