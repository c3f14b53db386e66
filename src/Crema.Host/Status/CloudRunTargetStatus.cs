namespace Crema.Host.Status;

/// <summary>What /status shows of a scaled object's Cloud Run target: whether Crema can scale it, and drift.</summary>
internal sealed record CloudRunTargetStatus
{
    /// <summary>ok, conflict, forbidden, not_found, automatic_scaling or error.</summary>
    public string State { get; init; } = "ok";

    /// <summary>False while Crema backs off after failures (it then makes no call for the target).</summary>
    public bool CanScale { get; init; } = true;

    /// <summary>Failed Cloud Run calls in a row, etag conflicts included.</summary>
    public int ConsecutiveFailures { get; init; }

    public DateTimeOffset? FailingSince { get; init; }

    /// <summary>When Crema calls Cloud Run for this target again, while backing off.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>When the count was last read from Cloud Run (or set by Crema).</summary>
    public DateTimeOffset? LastReadAt { get; init; }

    /// <summary>Changes of the count Crema did not make, seen since this object's loop started.</summary>
    public int Drifts { get; init; }

    public TargetDrift? LastDrift { get; init; }
}
