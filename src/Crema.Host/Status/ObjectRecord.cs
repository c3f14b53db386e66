namespace Crema.Host.Status;

/// <summary>
/// What the store keeps of one target: its latest status, its hour of history and its decision events.
/// History and events outlive the loop (a config change restarts the loop, not the record).
/// </summary>
internal sealed class ObjectRecord
{
    private ObjectStatus? status;

    public ObjectStatus? Status => Volatile.Read(ref status);

    public ObjectHistory History { get; } = new();

    public DecisionLog Events { get; } = new();

    public void Publish(ObjectStatus next)
    {
        next = next with { Events = Events.Items };
        History.Record(next);
        Volatile.Write(ref status, next);
    }
}
