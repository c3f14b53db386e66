namespace Crema.Host.Status;

/// <summary>
/// The last hour of one object as /status/objects/{name} serves it: <see cref="Buckets"/> values per series,
/// the first one for the bucket starting at <see cref="Start"/>, null where nothing was recorded.
/// </summary>
internal sealed record HistorySnapshot(
    int BucketSeconds,
    DateTimeOffset Start,
    IReadOnlyList<float?> Current,
    IReadOnlyList<float?> Desired,
    IReadOnlyList<TriggerHistory> Triggers,
    TriggerHistory? Composite)
{
    public int Buckets => Current.Count;
}
