namespace Crema.Core.Simulation.Quality;

/// <summary>The workload the queue model runs.</summary>
/// <param name="ServiceRate">Messages one ready instance serves per second (&gt; 0).</param>
/// <param name="StartDelaySeconds">Seconds from requesting an instance to its first message (&gt;= 0).</param>
/// <param name="DurationSeconds">Seconds simulated, in one-second steps.</param>
public sealed record QueueParameters(double ServiceRate, int StartDelaySeconds, int DurationSeconds);
