namespace Crema.Core.Simulation.Quality;

/// <summary>
/// A fluid queue in one-second steps: messages arrive at the trace's rate, each ready instance serves
/// <c>serviceRate</c> messages per second in arrival order, an instance the policy adds is ready
/// <c>startDelay</c> seconds later (starting instances are removed first when it shrinks), and every requested
/// instance is paid for from the moment it is requested. Waits are counted per message, in whole seconds.
/// </summary>
internal sealed class QueueModel(ArrivalTrace arrivals, double serviceRate, int startDelaySeconds, int durationSeconds)
{
    public QueueOutcome Run(IInstancePolicy policy)
    {
        var queue = new LinkedList<(int Arrived, double Count)>();
        var readyAt = new List<int>();
        var waits = new List<(int Wait, double Count)>();
        double backlog = 0, maxBacklog = 0, instanceSeconds = 0;
        for (var second = 0; second < durationSeconds; second++)
        {
            var rate = arrivals.RateAt(second);
            Resize(readyAt, policy.Decide(second, backlog, rate, readyAt.Count), second);
            if (rate > 0)
            {
                queue.AddLast((second, rate));
                backlog += rate;
            }
            backlog = Math.Max(0, backlog - Serve(queue, readyAt.Count(t => t <= second) * serviceRate, second, waits));
            maxBacklog = Math.Max(maxBacklog, backlog);
            instanceSeconds += readyAt.Count;
        }
        foreach (var (arrived, count) in queue)
        {
            waits.Add((durationSeconds - arrived, count));
        }
        return new QueueOutcome(policy.Name, instanceSeconds, Percentile(waits, 0.95), maxBacklog, backlog);
    }

    private void Resize(List<int> readyAt, int wanted, int second)
    {
        while (readyAt.Count < wanted)
        {
            readyAt.Add(second + startDelaySeconds);
        }
        // The ones still starting go first, the newest of them first: they have served nothing yet.
        readyAt.Sort();
        while (readyAt.Count > wanted)
        {
            readyAt.RemoveAt(readyAt.Count - 1);
        }
    }

    private static double Serve(LinkedList<(int Arrived, double Count)> queue, double capacity, int second, List<(int, double)> waits)
    {
        var served = 0d;
        while (capacity > 1e-9 && queue.First is { } head)
        {
            var take = Math.Min(capacity, head.Value.Count);
            waits.Add((second - head.Value.Arrived, take));
            (capacity, served) = (capacity - take, served + take);
            if (take >= head.Value.Count - 1e-9)
            {
                queue.RemoveFirst();
            }
            else
            {
                head.Value = (head.Value.Arrived, head.Value.Count - take);
            }
        }
        return served;
    }

    /// <summary>The wait that <paramref name="fraction"/> of all messages did not exceed.</summary>
    private static double Percentile(List<(int Wait, double Count)> waits, double fraction)
    {
        var total = waits.Sum(w => w.Count);
        if (total <= 0)
        {
            return 0;
        }
        var seen = 0d;
        foreach (var (wait, count) in waits.OrderBy(w => w.Wait))
        {
            seen += count;
            if (seen >= fraction * total - 1e-9)
            {
                return wait;
            }
        }
        return waits.Max(w => w.Wait);
    }
}
