namespace Crema.Core.Simulation;

/// <summary>Every poll row, in time order, and a summary per scaled object.</summary>
public sealed record SimulationResult(IReadOnlyList<SimulationRow> Rows, IReadOnlyList<SimulationSummary> Summaries);
