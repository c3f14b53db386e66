namespace Crema.Host.Daemon;

/// <summary>What happened to one attempt to set a target's instance count.</summary>
internal enum ApplyOutcome
{
    Applied,
    DryRun,
    Conflict,
    Failed,

    /// <summary>Not written: another daemon holds the lease (or this one's right to write ended).</summary>
    Standby,

    /// <summary>Not attempted: the target is backing off after failures (see <see cref="TargetHealth"/>).</summary>
    Deferred,
}
