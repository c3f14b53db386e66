namespace Crema.Host.Emulator;

/// <summary>
/// A fault for the Cloud Run emulator, from options or <c>POST /emulator/faults</c>. Each field is
/// optional: <see cref="Status"/> (429, 500 or 503) makes the next <see cref="Count"/> requests fail
/// (for <see cref="Target"/>, or every request when null), <see cref="OperationDelaySeconds"/> sets the
/// target's operation duration, <see cref="Conflicts"/> makes its next PATCHes return 409 ABORTED,
/// <see cref="FailOperations"/> makes its next operations finish with FAILED_PRECONDITION, <see cref="HangPatches"/>
/// makes its next PATCHes get no answer at all, <see cref="SetCount"/> plays another writer changing the count,
/// <see cref="Delete"/> deletes the target. <c>DELETE /emulator/faults</c> disarms every status fault, conflict,
/// operation failure and hang still pending.
/// </summary>
public sealed record EmulatorFault
{
    /// <summary>Resource name the fault applies to; null for every request (status faults only).</summary>
    public string? Target { get; init; }

    /// <summary>HTTP status to answer with: 429, 500 or 503 (retried by Crema), or 403, 404, 409, 412 (not retried).</summary>
    public int? Status { get; init; }

    /// <summary>Only requests with this HTTP method (GET or PATCH) get <see cref="Status"/>; null for every request.</summary>
    public string? Method { get; init; }

    /// <summary>How many requests get <see cref="Status"/>; default 1.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Retry-After header (seconds) sent with <see cref="Status"/>, when set.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>New operation duration for <see cref="Target"/>, in seconds.</summary>
    public double? OperationDelaySeconds { get; init; }

    /// <summary>How many of the target's next PATCHes return 409 ABORTED.</summary>
    public int? Conflicts { get; init; }

    /// <summary>How many of the target's next operations end with an error.</summary>
    public int? FailOperations { get; init; }

    /// <summary>How many of the target's next PATCHes are held without an answer until the client gives up (nothing changes).</summary>
    public int? HangPatches { get; init; }

    /// <summary>
    /// Another writer (a person, a deployment, a second autoscaler) sets <see cref="Target"/>'s count to this
    /// at once: a new generation and etag, as after any update.
    /// </summary>
    public int? SetCount { get; init; }

    /// <summary>Deletes <see cref="Target"/>: every request for it answers 404 NOT_FOUND until <c>POST /emulator/targets</c> adds it again.</summary>
    public bool Delete { get; init; }
}
