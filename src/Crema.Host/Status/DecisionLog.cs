namespace Crema.Host.Status;

/// <summary>
/// The last <see cref="Capacity"/> decision events of one object, newest first. Written by its loop only;
/// readers take <see cref="Items"/>, an immutable array replaced on each change (changes are rare).
/// </summary>
internal sealed class DecisionLog
{
    /// <summary>Events kept per object: 10 (about 2.5 KB with long reasons).</summary>
    public const int Capacity = 10;

    /// <summary>Longest reason kept, in characters; the engine's reasons are far shorter, a source's error text may not be.</summary>
    public const int MaxReasonLength = 300;

    private DecisionEvent[] items = [];

    public IReadOnlyList<DecisionEvent> Items => Volatile.Read(ref items);

    public void Add(DecisionEvent decision)
    {
        if (decision.Reason.Length > MaxReasonLength)
        {
            decision = decision with { Reason = decision.Reason[..(MaxReasonLength - 1)] + "…" };
        }
        var current = Volatile.Read(ref items);
        DecisionEvent[] next;
        if (current.Length > 0 && current[0] is var last && last.From == decision.From && last.To == decision.To && last.Outcome == decision.Outcome)
        {
            next = (DecisionEvent[])current.Clone();
            next[0] = decision with { Count = last.Count + 1, FirstAt = last.FirstAt };
        }
        else
        {
            next = new DecisionEvent[Math.Min(Capacity, current.Length + 1)];
            next[0] = decision;
            Array.Copy(current, 0, next, 1, next.Length - 1);
        }
        Volatile.Write(ref items, next);
    }
}
