namespace Crema.Host.Daemon;

/// <summary>What happened to one attempt to set a target's instance count.</summary>
internal enum ApplyOutcome
{
    Applied,
    DryRun,
    Conflict,
    Failed,

    /// <summary>Cut short by shutdown: accepted and left to Cloud Run, or unanswered within the grace.</summary>
    Stopped,
}
