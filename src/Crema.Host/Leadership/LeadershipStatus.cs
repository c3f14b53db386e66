namespace Crema.Host.Leadership;

/// <summary>What /status, / and /metrics show of the lease. Absent when no lease is configured.</summary>
internal sealed record LeadershipStatus
{
    /// <summary>For example gs://acme-crema/leader.</summary>
    public required string Lease { get; init; }

    /// <summary>This daemon's name in the lease.</summary>
    public required string Identity { get; init; }

    /// <summary><c>leader</c> (holds the lease and writes to Cloud Run) or <c>standby</c> (reads and decides, never writes).</summary>
    public required string Role { get; init; }

    /// <summary>Who holds the lease as last read; null when nobody does or it could not be read yet.</summary>
    public string? Holder { get; init; }

    /// <summary>The lease's leaseTransitions as last read: it grows by one with every change of holder.</summary>
    public int? Term { get; init; }

    public double LeaseDurationSeconds { get; init; }

    /// <summary>When this daemon last took or lost the right to write.</summary>
    public DateTimeOffset? RoleSince { get; init; }

    /// <summary>This daemon's last successful write of the lease (acquire or renewal).</summary>
    public DateTimeOffset? LastRenewAt { get; init; }

    /// <summary>The last lease store error, cleared by the next success.</summary>
    public string? LastError { get; init; }
}
