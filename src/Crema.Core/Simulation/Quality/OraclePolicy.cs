namespace Crema.Core.Simulation.Quality;

/// <summary>
/// The lower bound: an oracle that knows the arrivals and starts each instance one start delay before it is
/// needed, so that ceil(arrival rate / service rate) instances serve at every second, plus what clears messages already
/// waiting (within [min, max]). It pays for
/// those instances and for their start-up, as every policy does, and nothing else.
/// </summary>
internal sealed class OraclePolicy(ArrivalTrace arrivals, double serviceRate, int startDelaySeconds, int min, int max) : IInstancePolicy
{
    public string Name => "lower bound";

    public int Decide(int second, double backlog, double arrivalRate, int current)
    {
        // What serves now must also clear what waits (arrivals before any instance could start, at time 0).
        var now = (int)Math.Ceiling(((arrivals.RateAt(second) + backlog) / serviceRate) - 1e-9);
        var needed = Math.Max(now, Needed(second + startDelaySeconds));
        return Math.Clamp(needed, min, Math.Max(min, max));
    }

    private int Needed(int second) => (int)Math.Ceiling((arrivals.RateAt(second) / serviceRate) - 1e-9);
}
