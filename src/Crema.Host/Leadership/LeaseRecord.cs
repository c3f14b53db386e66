namespace Crema.Host.Leadership;

/// <summary>
/// What the lease says, with the field names of Kubernetes' coordination.k8s.io/v1 LeaseSpec (Cloud Storage
/// keeps the same fields as the object's JSON data). <see cref="LeaseTransitions"/> grows by one each time the
/// holder changes, so it numbers the terms. The times are the holder's wall clock, for people: a standby
/// never trusts them (it measures expiry on its own monotonic clock from when it saw the record change).
/// </summary>
internal sealed record LeaseRecord(
    string? HolderIdentity,
    int LeaseDurationSeconds,
    DateTimeOffset? AcquireTime,
    DateTimeOffset? RenewTime,
    int LeaseTransitions)
{
    /// <summary>A lease nobody holds: never written, or released by a holder that stopped.</summary>
    public bool IsFree => string.IsNullOrEmpty(HolderIdentity);
}
