namespace Crema.Core.Simulation.Quality;

/// <summary>What one policy cost and what the workload paid under it.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="InstanceSeconds">Requested instances integrated over the run (starting ones included).</param>
/// <param name="P95WaitSeconds">The wait 95% of messages did not exceed (messages left at the end count until then).</param>
/// <param name="MaxBacklog">The most messages waiting at once.</param>
/// <param name="FinalBacklog">Messages still waiting at the end.</param>
public sealed record QueueOutcome(string Policy, double InstanceSeconds, double P95WaitSeconds, double MaxBacklog, double FinalBacklog);
