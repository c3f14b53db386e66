using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

/// <summary>
/// Whether Crema can read and set one target, and when it may call Cloud Run for it again. A failure backs
/// the target off (an etag conflict only from the second in a row: the first is re-read and retried at
/// once, which is what etags are for); while backing off the loop makes no Cloud Run call for the target
/// at all, so a 403 or a deleted pool costs one call per back-off step instead of a GET and a PATCH every
/// poll. Delays double from a base to a cap and are jittered, so many targets failing together (an IAM
/// change, a region outage) do not retry in step. A problem is logged when it starts or changes and once
/// when it clears. Owned by one loop: not thread-safe.
/// </summary>
internal sealed partial class TargetHealth(string scaledObject, string target, TargetHealthOptions options, TimeProvider time, ILogger logger)
{
    private DateTimeOffset retryAt = DateTimeOffset.MinValue;

    // A read that works says nothing about a refused update (403 on PATCH with GET allowed): only a
    // successful update clears a failed one, or the back-off would restart from its base every round.
    private bool failedToWrite;
    private string? loggedProblem;

    public TargetState State { get; private set; } = TargetState.Ok;

    /// <summary>Failed calls in a row, conflicts included; 0 once a call works.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>The last failure's message (names the resource), until a call works.</summary>
    public string? LastError { get; private set; }

    /// <summary>When the current run of failures started.</summary>
    public DateTimeOffset? Since { get; private set; }

    /// <summary>When Crema calls Cloud Run for the target again, while backing off; null otherwise.</summary>
    public DateTimeOffset? NextAttemptAt => retryAt > time.GetUtcNow() ? retryAt : null;

    /// <summary>False while backing off: make no call for this target now.</summary>
    public bool MayCall => time.GetUtcNow() >= retryAt;

    /// <summary>True when Crema expects to be able to set the count: no failure, or only a conflict being retried at once.</summary>
    public bool CanScale => State == TargetState.Ok || (State == TargetState.Conflict && ConsecutiveFailures < 2);

    public void ReadSucceeded()
    {
        if (!failedToWrite)
        {
            Recover();
        }
    }

    public void WriteSucceeded() => Recover();

    /// <summary>Records an etag conflict; the first in a row leaves <see cref="MayCall"/> true, to re-read and try again at once.</summary>
    public void Conflicted(string message) => Record(TargetState.Conflict, message, write: true, problem: "conflict");

    /// <summary>Records a failed read; <paramref name="httpStatus"/> is 0 when no answer came.</summary>
    public void ReadFailed(TargetState state, int httpStatus, string message) =>
        Record(state, message, write: false, problem: $"read {state} {httpStatus}");

    /// <summary>Records a failed update; <paramref name="httpStatus"/> is 0 when no answer came or the operation failed.</summary>
    public void WriteFailed(TargetState state, int httpStatus, string message) =>
        Record(state, message, write: true, problem: $"write {state} {httpStatus}");

    /// <summary>The state for a failed call's HTTP status (0: no answer).</summary>
    public static TargetState StateOf(int httpStatus) => httpStatus switch
    {
        403 => TargetState.Forbidden,
        404 => TargetState.NotFound,
        409 or 412 => TargetState.Conflict,
        _ => TargetState.Error,
    };

    /// <summary>The metric label and /status value of a state.</summary>
    public static string Label(TargetState state) => state switch
    {
        TargetState.Ok => "ok",
        TargetState.Conflict => "conflict",
        TargetState.Forbidden => "forbidden",
        TargetState.NotFound => "not_found",
        TargetState.AutomaticScaling => "automatic_scaling",
        _ => "error",
    };

    private void Record(TargetState state, string message, bool write, string problem)
    {
        var now = time.GetUtcNow();
        ConsecutiveFailures++;
        Since ??= now;
        State = state;
        LastError = message;
        failedToWrite = write;
        // The first conflict in a row is retried at once; every other failure waits.
        var step = state == TargetState.Conflict ? ConsecutiveFailures - 1 : ConsecutiveFailures;
        var delay = step <= 0 ? TimeSpan.Zero : Delay(state, step);
        retryAt = now + delay;
        if (delay == TimeSpan.Zero)
        {
            LogConflictRetried(logger, scaledObject, target);
            return;
        }
        if (problem == loggedProblem)
        {
            return;
        }
        loggedProblem = problem;
        var seconds = Math.Round(delay.TotalSeconds, 1);
        var cap = (state == TargetState.Conflict ? options.ConflictMaxDelay : options.ErrorMaxDelay).TotalSeconds;
        if (state == TargetState.Conflict)
        {
            LogConflictsPersist(logger, scaledObject, target, ConsecutiveFailures, seconds, cap);
        }
        else if (write)
        {
            LogUpdateFailing(logger, scaledObject, target, Label(state), message, seconds, cap);
        }
        else
        {
            LogReadFailing(logger, scaledObject, target, Label(state), message, seconds, cap);
        }
    }

    private void Recover()
    {
        if (loggedProblem is not null)
        {
            LogRecovered(logger, scaledObject, target, ConsecutiveFailures, Math.Round((time.GetUtcNow() - (Since ?? time.GetUtcNow())).TotalSeconds));
        }
        loggedProblem = null;
        State = TargetState.Ok;
        ConsecutiveFailures = 0;
        LastError = null;
        Since = null;
        failedToWrite = false;
        retryAt = DateTimeOffset.MinValue;
    }

    private TimeSpan Delay(TargetState state, int step)
    {
        var (first, cap) = state == TargetState.Conflict
            ? (options.ConflictBaseDelay, options.ConflictMaxDelay)
            : (options.ErrorBaseDelay, options.ErrorMaxDelay);
        var doubled = first.Ticks * Math.Pow(2, Math.Min(step - 1, 30));
        var jitter = 0.8 + (0.4 * options.Random());
        return TimeSpan.FromTicks((long)(Math.Min(doubled, cap.Ticks) * jitter));
    }
}
