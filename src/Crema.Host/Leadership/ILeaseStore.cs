namespace Crema.Host.Leadership;

/// <summary>
/// A strongly consistent store holding one lease record, written only by compare-and-swap. Each call is
/// bounded by the caller's token; failures are results, only the caller's cancellation throws.
/// </summary>
internal interface ILeaseStore
{
    /// <summary>For logs and /status, e.g. gs://bucket/crema-leader or k8s://crema/crema.</summary>
    string Description { get; }

    Task<LeaseStoreResult> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Creates the lease only if it does not exist (<see cref="LeaseStoreOutcome.Conflict"/> if it does).</summary>
    Task<LeaseStoreResult> CreateAsync(LeaseRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces the lease only if it is still at <paramref name="version"/>.</summary>
    Task<LeaseStoreResult> UpdateAsync(LeaseRecord record, string version, CancellationToken cancellationToken);
}
