namespace Crema.Host.Leadership;

/// <summary>The result of one lease store call: the lease on <see cref="LeaseStoreOutcome.Ok"/>, else why not.</summary>
internal sealed record LeaseStoreResult(LeaseStoreOutcome Outcome, LeaseSnapshot? Lease, string? Error)
{
    public static LeaseStoreResult Ok(LeaseSnapshot lease) => new(LeaseStoreOutcome.Ok, lease, null);

    public static LeaseStoreResult Fail(LeaseStoreOutcome outcome, string error) => new(outcome, null, error);
}
