namespace Crema.Google.CloudRun;

/// <summary>
/// What Crema reads from a worker pool or service. <see cref="InstanceCount"/> is
/// <c>scaling.manualInstanceCount</c>, 0 when unset.
/// </summary>
public sealed record CloudRunTarget(
    string Name,
    CloudRunTargetKind Kind,
    int InstanceCount,
    string? Etag,
    long Generation,
    long ObservedGeneration,
    bool Reconciling,
    CloudRunCondition? TerminalCondition,
    DateTimeOffset? UpdateTime)
{
    /// <summary><c>latestReadyRevision</c>, when the API reports one.</summary>
    public string? LatestReadyRevision { get; init; }

    /// <summary>
    /// A service's <c>scaling.scalingMode</c> (AUTOMATIC or MANUAL; absent means AUTOMATIC). Cloud Run
    /// ignores <c>manualInstanceCount</c> unless it is MANUAL. Worker pools have no mode: always null.
    /// </summary>
    public string? ScalingMode { get; init; }

    /// <summary>False for a service in automatic scaling mode, where the instance count Crema sets is ignored.</summary>
    public bool AcceptsManualCount => Kind != CloudRunTargetKind.Service || string.Equals(ScalingMode, "MANUAL", StringComparison.Ordinal);
}
