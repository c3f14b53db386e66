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
            try
            {
                factory.Interpret(context, 0);
            }
            catch (NotSupportedException)
            {
                errors.Add($"{scaledObject.DisplayName}: trigger \"{context.TriggerName}\" of type \"{trigger.Type}\" cannot be simulated: "
                    + "its target and activation are known only to the live source");
                continue;
            }
            triggers[i] = (context.TriggerName, RememberLast(value => factory.Interpret(context, value)));
        }
        var interval = scaledObject.Spec.PollingInterval ?? spec.PollingInterval ?? ScalingDefaults.PollingIntervalSeconds;
        return new SimulatedObject(scaledObject, triggers, Math.Max(1, interval), initialReplicas);
    }

    public bool HasTrigger(string key) => triggers.Any(t => t.Key == key);

    public IEnumerable<SimulationRow> Run(IReadOnlyList<TraceRow> trace, double durationSeconds)
    {
        applied.Clear();
        applied.Add((0, initialReplicas));
        var cursors = Cursors(trace);
        var state = ScalingState.Initial(Simulator.Epoch);
        var current = initialReplicas;
        var rows = new List<SimulationRow>();
        for (var k = 0; k * pollingInterval <= durationSeconds; k++)
        {
            var time = k * pollingInterval;
            var samples = new TriggerSample[triggers.Length];
            for (var i = 0; i < triggers.Length; i++)
            {
                samples[i] = Sample(triggers[i].Key, triggers[i].Interpret, cursors[i].ValueAt(time));
            }
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
        var cursors = Cursors(trace);
        double instanceSeconds = 0, activeAtZero = 0;
        var appliedIndex = 0;
        for (var i = 0; i + 1 < breakpoints.Length; i++)
        {
            var (start, length) = (breakpoints[i], breakpoints[i + 1] - breakpoints[i]);
            // applied is in time order: the count in force at start is the last entry at or before it.
            while (appliedIndex + 1 < applied.Count && applied[appliedIndex + 1].Time <= start)
            {
                appliedIndex++;
            }
            var replicas = applied[appliedIndex].Replicas;
            instanceSeconds += replicas * length;
            if (replicas == 0 && Enumerable.Range(0, triggers.Length).Any(t => cursors[t].ValueAt(start) is { } v && triggers[t].Interpret(v).IsActive))
            {
                activeAtZero += length;
            }
        }
        return new SimulationSummary(Name, instanceSeconds, applied.Count - 1, activeAtZero);
    }

    private TraceCursor[] Cursors(IReadOnlyList<TraceRow> trace)
    {
        var create = TraceCursor.For(trace);
        return triggers.Select(t => create(t.Key)).ToArray();
    }

    /// <summary>
    /// Interpreting binds the trigger's metadata again each time, and a trace holds one value over many
    /// polls (idle zeros above all), so the reading of the last value is kept.
    /// </summary>
    private static Func<double, MetricReading> RememberLast(Func<double, MetricReading> interpret)
    {
        long lastBits = 0;
        MetricReading? last = null;
        return value =>
        {
            // Compared bit for bit: -0 and 0 print differently in reasons, and NaN equals itself here.
            var bits = BitConverter.DoubleToInt64Bits(value);
            if (last is not { } reading || bits != lastBits)
            {
                reading = interpret(value);
                (last, lastBits) = (reading, bits);
            }
            return reading;
        };
    }

    private static TriggerSample Sample(string key, Func<double, MetricReading> interpret, double? value) =>
        value is { } v ? new TriggerSample(key, interpret(v), null) : new TriggerSample(key, null, "error (from trace)");
}
