namespace Crema.Host.Status;

/// <summary>What became of a decision to change the count (JSON: applied, dry-run, conflict, failed, standby, deferred).</summary>
internal enum DecisionOutcome
{
    /// <summary>Cloud Run took the new count.</summary>
    Applied,

    /// <summary>--dry-run: decided, not sent.</summary>
    DryRun,

    /// <summary>The target changed concurrently on every attempt (etag); decided again next poll.</summary>
    Conflict,

    /// <summary>Cloud Run refused or could not be reached; see the object's lastScaleError.</summary>
    Failed,

    /// <summary>Not written: another daemon holds the lease.</summary>
    Standby,

    /// <summary>Not attempted: the target backs off after failures (see the object's cloudRun).</summary>
    Deferred,

    /// <summary>Cut short by shutdown: accepted and left to Cloud Run, or unanswered within the grace.</summary>
    Stopped,
}
