namespace Crema.Host.Emulator;

/// <summary>An armed "answer the next N requests with this status" fault (guarded by the emulator's lock).</summary>
internal sealed class StatusFault(string? target, int status, int remaining, int? retryAfterSeconds)
{
    public string? Target { get; } = target;

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
        400 => "FAILED_PRECONDITION",
        _ => "UNKNOWN",
    };
}
