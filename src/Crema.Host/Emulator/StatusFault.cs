namespace Crema.Host.Emulator;

/// <summary>An armed "answer the next N requests (of this method) with this status" fault (guarded by the emulator's lock).</summary>
internal sealed class StatusFault(string? target, string? method, int status, int remaining, int? retryAfterSeconds)
{
    public string? Target { get; } = target;

    /// <summary>GET or PATCH; null for every method.</summary>
    public string? Method { get; } = method;

    public int Status { get; } = status;

    public int Remaining { get; set; } = remaining;

    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    public string GoogleStatus => Status switch
    {
        429 => "RESOURCE_EXHAUSTED",
        500 => "INTERNAL",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        409 => "ABORTED",
        412 => "FAILED_PRECONDITION",
        400 => "FAILED_PRECONDITION",
        _ => "UNKNOWN",
    };
}
