namespace Crema.Core.Simulation;

/// <summary>One row of a recorded trace: from <see cref="TimeSeconds"/> on, the trigger reads <see cref="Value"/>.</summary>
/// <param name="TimeSeconds">Seconds since the start of the trace.</param>
/// <param name="Object">The scaled object's display name.</param>
/// <param name="Trigger">The trigger's name, or its index when unnamed.</param>
/// <param name="Value">The raw metric value, or null when the source failed (<c>error</c>).</param>
/// <param name="Line">The 1-based line in the trace file, for error messages.</param>
public sealed record TraceRow(double TimeSeconds, string Object, string Trigger, double? Value, int Line);
