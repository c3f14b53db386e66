namespace Crema.Host.Status;

/// <summary>
/// The last hour of one object in <see cref="Buckets"/> fixed buckets of <see cref="BucketSeconds"/>:
/// current and desired instances, each trigger's value and target, and with scalingModifiers the
/// composite value and the formula's target. One float array for all series (a gap is NaN), allocated
/// once per shape, so memory per object is fixed (about 2 KB with one trigger) whatever the polling
/// interval; the last poll in a bucket wins. Written by the object's loop, read by HTTP requests.
/// </summary>
internal sealed class ObjectHistory
{
    /// <summary>Width of one bucket: 30 s (one default polling interval).</summary>
    public const int BucketSeconds = 30;

    /// <summary>Buckets kept: 120, one hour.</summary>
    public const int Buckets = 120;

    // Rows 0 and 1 are current and desired; then (value, target) per trigger; then the composite pair.
    private const int FixedRows = 2;

    private readonly Lock gate = new();
    private string[] triggers = [];
    private bool composite;
    private float[] data = [];
    private long newest = long.MinValue;

    public void Record(ObjectStatus status)
    {
        if (status.LastPollAt is not { } at)
        {
            return;
        }
        var bucket = BucketOf(at);
        lock (gate)
        {
            Reshape(status);
            if (!Advance(bucket))
            {
                return;
            }
            var slot = Slot(bucket);
            Write(0, slot, status.Current);
            Write(1, slot, status.Desired);
            var row = FixedRows;
            // Indexed, not foreach: a poll records without allocating.
            for (var i = 0; i < status.Triggers.Count; i++)
            {
                Write(row++, slot, status.Triggers[i].Value);
                Write(row++, slot, status.Triggers[i].Target);
            }
            if (composite)
            {
                Write(row++, slot, status.ScalingModifiers!.Value);
                Write(row, slot, status.ScalingModifiers.Target);
            }
        }
    }

    /// <summary>The hour ending with the bucket of <paramref name="now"/>, oldest bucket first; null where nothing was recorded.</summary>
    public HistorySnapshot Snapshot(DateTimeOffset now)
    {
        lock (gate)
        {
            var end = Math.Max(BucketOf(now), newest);
            var start = end - Buckets + 1;
            var series = new List<TriggerHistory>(triggers.Length);
            var row = FixedRows;
            foreach (var name in triggers)
            {
                series.Add(new TriggerHistory(name, Row(row++, start), Row(row++, start)));
            }
            var compositeHistory = composite ? new TriggerHistory(Crema.Core.Engine.ScalingModifierRules.CompositeName, Row(row++, start), Row(row, start)) : null;
            return new HistorySnapshot(BucketSeconds, DateTimeOffset.FromUnixTimeSeconds(start * BucketSeconds), Row(0, start), Row(1, start), series, compositeHistory);
        }
    }

    /// <summary>Bytes this history holds in its series (the array that grows with the triggers).</summary>
    public int SeriesBytes
    {
        get
        {
            lock (gate)
            {
                return data.Length * sizeof(float);
            }
        }
    }

    private static long BucketOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / BucketSeconds;

    private static int Slot(long bucket) => (int)(bucket % Buckets);

    private static float[] Empty(int rows)
    {
        var values = new float[rows * Buckets];
        Array.Fill(values, float.NaN);
        return values;
    }

    private void Write(int row, int slot, double? value) => data[(row * Buckets) + slot] = value is { } v ? (float)v : float.NaN;

    private float?[] Row(int row, long start)
    {
        var values = new float?[Buckets];
        for (var i = 0; i < Buckets; i++)
        {
            var bucket = start + i;
            if (newest != long.MinValue && bucket <= newest && bucket > newest - Buckets && data[(row * Buckets) + Slot(bucket)] is var v && !float.IsNaN(v))
            {
                values[i] = v;
            }
        }
        return values;
    }

    // Clears the buckets skipped since the newest one; false when the bucket is already out of the hour.
    private bool Advance(long bucket)
    {
        if (newest == long.MinValue || bucket - newest >= Buckets)
        {
            Array.Fill(data, float.NaN);
            newest = bucket;
            return true;
        }
        if (bucket <= newest - Buckets)
        {
            return false;
        }
        for (var skipped = newest + 1; skipped <= bucket; skipped++)
        {
            var slot = Slot(skipped);
            for (var row = 0; row < data.Length / Buckets; row++)
            {
                data[(row * Buckets) + slot] = float.NaN;
            }
        }
        newest = Math.Max(newest, bucket);
        return true;
    }

    // A config change may add, drop or rename triggers: series kept by name, new ones start empty.
    private void Reshape(ObjectStatus status)
    {
        var hasComposite = status.ScalingModifiers is not null;
        if (data.Length > 0 && hasComposite == composite && SameTriggers(status.Triggers))
        {
            return;
        }
        var names = status.Triggers.Select(t => t.Name).ToArray();
        var next = Empty(FixedRows + (2 * names.Length) + (hasComposite ? 2 : 0));
        Array.Copy(data, next, Math.Min(data.Length, FixedRows * Buckets));
        for (var i = 0; i < names.Length; i++)
        {
            if (Array.IndexOf(triggers, names[i]) is var old and >= 0)
            {
                Array.Copy(data, (FixedRows + (2 * old)) * Buckets, next, (FixedRows + (2 * i)) * Buckets, 2 * Buckets);
            }
        }
        if (hasComposite && composite)
        {
            Array.Copy(data, (FixedRows + (2 * triggers.Length)) * Buckets, next, (FixedRows + (2 * names.Length)) * Buckets, 2 * Buckets);
        }
        (triggers, composite, data) = (names, hasComposite, next);
    }

    private bool SameTriggers(IReadOnlyList<TriggerStatus> current)
    {
        if (current.Count != triggers.Length)
        {
            return false;
        }
        for (var i = 0; i < triggers.Length; i++)
        {
            if (!string.Equals(current[i].Name, triggers[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
