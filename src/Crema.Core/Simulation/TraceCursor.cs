namespace Crema.Core.Simulation;

/// <summary>
/// Reads one trigger's rows of a time-sorted trace at non-decreasing times, so a whole replay costs one
/// pass over the rows instead of one pass per poll.
/// </summary>
internal sealed class TraceCursor
{
    private readonly TraceRow[] rows;
    private int next;
    private double? value = 0;
    private double lastTime = double.NegativeInfinity;

    public TraceCursor(TraceRow[] rows) => this.rows = rows;

    /// <summary>The latest value at <paramref name="time"/>: 0 before the first row, null for an error row; the last of equal times wins.</summary>
    public double? ValueAt(double time)
    {
        if (time < lastTime)
        {
            throw new InvalidOperationException("A trace cursor only moves forward in time.");
        }
        lastTime = time;
        while (next < rows.Length && rows[next].TimeSeconds <= time)
        {
            value = rows[next].Value;
            next++;
        }
        return value;
    }

    /// <summary>One cursor per trigger key over <paramref name="trace"/> (sorted by time, stable for equal times).</summary>
    public static Func<string, TraceCursor> For(IReadOnlyList<TraceRow> trace)
    {
        var byTrigger = trace.GroupBy(r => r.Trigger, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        return key => new TraceCursor(byTrigger.TryGetValue(key, out var rows) ? rows : []);
    }
}
