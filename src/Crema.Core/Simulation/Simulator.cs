using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Engine;

namespace Crema.Core.Simulation;

/// <summary>
/// Replays a recorded trace through the scaling engine: every scaled object polls every
/// pollingInterval from time 0, each trigger reads the trace's latest value for it (0 before its
/// first row), the scaler's own target and activation rule interpret it, and the decided replica
/// count is applied at once.
/// </summary>
public static class Simulator
{
    /// <summary>The instant the simulated clock starts at.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the simulation (trace rows in any order; equal times keep their order); returns the result, or the errors that prevented it (unknown objects or triggers in the trace).</summary>
    public static (SimulationResult? Result, IReadOnlyList<string> Errors) Run(
        CremaConfig config, ScalerRegistry scalers, IReadOnlyList<TraceRow> trace, int initialReplicas, double durationSeconds)
    {
        var errors = new List<string>();
        var objects = config.Spec.ScaledObjects
            .Select(o => SimulatedObject.Create(config.Spec, o, scalers, initialReplicas, errors))
            .ToArray();
        var byName = new Dictionary<string, SimulatedObject>(StringComparer.Ordinal);
        foreach (var simulated in objects)
        {
            byName.TryAdd(simulated.Name, simulated);
        }
        foreach (var row in trace)
        {
            if (!byName.TryGetValue(row.Object, out var target))
            {
                errors.Add($"line {row.Line}: unknown scaled object \"{row.Object}\"; known: {string.Join(", ", objects.Select(o => o.Name))}");
            }
            else if (!target.HasTrigger(row.Trigger))
            {
                errors.Add($"line {row.Line}: scaled object \"{row.Object}\" has no trigger \"{row.Trigger}\" (use the trigger's name, or its index when unnamed)");
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var rows = new List<SimulationRow>();
        var summaries = new List<SimulationSummary>();
        var traces = trace.ToLookup(r => r.Object, StringComparer.Ordinal);
        foreach (var simulated in objects)
        {
            // Sorted here too (stable), since callers other than TraceReader may pass rows out of order.
            var objectTrace = traces[simulated.Name].OrderBy(r => r.TimeSeconds).ToArray();
            rows.AddRange(simulated.Run(objectTrace, durationSeconds));
            summaries.Add(simulated.Summarize(objectTrace, durationSeconds));
        }
        var ordered = rows.OrderBy(r => r.TimeSeconds).ThenBy(r => r.Object, StringComparer.Ordinal).ToArray();
        return (new SimulationResult(ordered, summaries), errors);
    }
}
