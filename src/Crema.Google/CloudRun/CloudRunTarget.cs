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
}
