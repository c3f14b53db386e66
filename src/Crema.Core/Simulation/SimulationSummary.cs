namespace Crema.Core.Simulation;

/// <summary>Totals of a simulation for one scaled object.</summary>
/// <param name="Object">The scaled object's display name.</param>
/// <param name="InstanceSeconds">Sum of replicas x seconds over the simulated duration.</param>
/// <param name="ScaleChanges">Number of polls whose decision changed the replica count.</param>
/// <param name="ActiveAtZeroSeconds">Seconds during which the trace showed activity but no replica ran.</param>
public sealed record SimulationSummary(string Object, double InstanceSeconds, int ScaleChanges, double ActiveAtZeroSeconds);
