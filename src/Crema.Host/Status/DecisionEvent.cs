namespace Crema.Host.Status;

/// <summary>
/// One decision to change an object's count, like a Kubernetes event of the HPA: the same change with
/// the same outcome again (a dry run every poll, a target failing every poll) counts up on the last
/// event (<see cref="Count"/>, <see cref="FirstAt"/> .. <see cref="At"/>) with the newest reason.
/// </summary>
internal sealed record DecisionEvent(DateTimeOffset At, int From, int To, string Reason, DecisionOutcome Outcome)
{
    public int Count { get; init; } = 1;

    public DateTimeOffset FirstAt { get; init; } = At;
}
