namespace Crema.Core.Simulation;

/// <summary>One poll of one scaled object in a simulation: the replicas decided (and applied at once).</summary>
public sealed record SimulationRow(double TimeSeconds, string Object, int Replicas, bool Active, string Reason);
