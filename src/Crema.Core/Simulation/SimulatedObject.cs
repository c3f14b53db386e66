using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Engine;

namespace Crema.Core.Simulation;

/// <summary>One scaled object being replayed: its triggers' interpreters and its replica history.</summary>
internal sealed class SimulatedObject
{
    private readonly ScaledObject scaledObject;
    private readonly (string Key, Func<double, MetricReading> Interpret)[] triggers;
    private readonly double pollingInterval;
    private readonly int initialReplicas;
    private readonly List<(double Time, int Replicas)> applied = [];

    private SimulatedObject(ScaledObject scaledObject, (string, Func<double, MetricReading>)[] triggers, double pollingInterval, int initialReplicas)
    {
        this.scaledObject = scaledObject;
        this.triggers = triggers;
        this.pollingInterval = pollingInterval;
        this.initialReplicas = initialReplicas;
    }

    public string Name => scaledObject.DisplayName;

    public static SimulatedObject Create(CremaSpec spec, ScaledObject scaledObject, ScalerRegistry scalers, int initialReplicas, List<string> errors)
    {
        var triggers = new (string, Func<double, MetricReading>)[scaledObject.Spec.Triggers.Count];
        for (var i = 0; i < triggers.Length; i++)
        {
            var trigger = scaledObject.Spec.Triggers[i];
            var context = TriggerContexts.ForValidation(spec, scaledObject, i);
            if (!scalers.TryGet(trigger.Type, out var factory))
            {
                errors.Add($"{scaledObject.DisplayName}: unknown trigger type \"{trigger.Type}\"");
                continue;
            }
            triggers[i] = (context.TriggerName, value => factory.Interpret(context, value));
        }
        var interval = scaledObject.Spec.PollingInterval ?? spec.PollingInterval ?? ScalingDefaults.PollingIntervalSeconds;
        return new SimulatedObject(scaledObject, triggers, Math.Max(1, interval), initialReplicas);
    }

    public bool HasTrigger(string key) => triggers.Any(t => t.Key == key);

    public IEnumerable<SimulationRow> Run(IReadOnlyList<TraceRow> trace, double durationSeconds)
    {
        applied.Clear();
        applied.Add((0, initialReplicas));
        var state = ScalingState.Initial(Simulator.Epoch);
        var current = initialReplicas;
        var rows = new List<SimulationRow>();
        for (var k = 0; k * pollingInterval <= durationSeconds; k++)
        {
            var time = k * pollingInterval;
            var samples = triggers.Select(t => Sample(t.Key, t.Interpret, ValueAt(trace, t.Key, time))).ToArray();
            var decision = ScalingEngine.Decide(scaledObject, state, current, samples, Simulator.Epoch.AddSeconds(time));
            state = decision.NextState;
            if (decision.DesiredReplicas != current)
            {
                current = decision.DesiredReplicas;
                applied.Add((time, current));
            }
            rows.Add(new SimulationRow(time, Name, current, decision.IsActive, decision.Reason));
        }
        return rows;
    }

    public SimulationSummary Summarize(IReadOnlyList<TraceRow> trace, double durationSeconds)
    {
        var breakpoints = applied.Select(a => a.Time)
            .Concat(trace.Select(r => r.TimeSeconds))
            .Append(0).Append(durationSeconds)
            .Where(t => t <= durationSeconds)
            .Distinct().Order().ToArray();
        double instanceSeconds = 0, activeAtZero = 0;
        for (var i = 0; i + 1 < breakpoints.Length; i++)
        {
            var (start, length) = (breakpoints[i], breakpoints[i + 1] - breakpoints[i]);
            var replicas = applied.Last(a => a.Time <= start).Replicas;
            instanceSeconds += replicas * length;
            if (replicas == 0 && triggers.Any(t => ValueAt(trace, t.Key, start) is { } v && t.Interpret(v).IsActive))
            {
                activeAtZero += length;
            }
        }
        return new SimulationSummary(Name, instanceSeconds, applied.Count - 1, activeAtZero);
    }

    private static TriggerSample Sample(string key, Func<double, MetricReading> interpret, double? value) =>
        value is { } v ? new TriggerSample(key, interpret(v), null) : new TriggerSample(key, null, "error (from trace)");

    /// <summary>The trigger's latest traced value at <paramref name="time"/>: 0 before its first row, null for an error row.</summary>
    private static double? ValueAt(IReadOnlyList<TraceRow> trace, string key, double time)
    {
        double? value = 0;
        foreach (var row in trace)
        {
            if (row.TimeSeconds > time)
            {
                break;
            }
            if (row.Trigger == key)
            {
                value = row.Value;
            }
        }
        return value;
    }
}
