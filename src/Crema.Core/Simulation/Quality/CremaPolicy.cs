using Crema.Abstractions;
using Crema.Core.Configuration;

namespace Crema.Core.Simulation.Quality;

/// <summary>
/// A model of what Google's CREMA 1.2 decides for the same config (its Scaler.java and ScalingStabilizer.java):
/// the recommendation is ceil(value / target) (Value: ceil(max(current, 1) x value / target)) with no tolerance and
/// no activation threshold; from 0 it goes to 1 whenever the recommendation is above 0; a behavior direction that is
/// not written has no stabilization window and no rate limit (so without a behavior block it scales down, to zero
/// too, at once); cooldownPeriod, initialCooldownPeriod, idleReplicaCount and fallback are ignored.
/// </summary>
internal sealed class CremaPolicy : IInstancePolicy
{
    private readonly ScaledObjectSpec spec;
    private readonly Func<double, MetricReading> interpret;
    private readonly int pollingSeconds;
    private readonly List<(int Second, int Count)> recommendations = [];
    private readonly List<(int Second, int Change)> scaleUps = [];
    private readonly List<(int Second, int Change)> scaleDowns = [];
    private bool started;

    public CremaPolicy(ScaledObjectSpec spec, Func<double, MetricReading> interpret, int pollingSeconds)
    {
        this.spec = spec;
        this.interpret = interpret;
        this.pollingSeconds = pollingSeconds;
    }

    public string Name => "CREMA 1.2 semantics";

    private HpaBehavior? Behavior => spec.Advanced?.HorizontalPodAutoscalerConfig?.Behavior;

    public int Decide(int second, double backlog, double arrivalRate, int current)
    {
        if (!started)
        {
            // Its stabilizer starts with the count it found.
            recommendations.Add((second, current));
            started = true;
        }
        if (second % pollingSeconds != 0)
        {
            return current;
        }
        var reading = interpret(backlog);
        var value = double.IsFinite(reading.Value) && reading.Value > 0 ? reading.Value : 0;
        var recommended = (spec.Triggers.FirstOrDefault()?.MetricType ?? MetricType.AverageValue) == MetricType.Value
            ? (int)Math.Ceiling(Math.Max(current, 1) * value / reading.Target)
            : (int)Math.Ceiling(value / reading.Target);
        int bounded;
        if (current == 0 && recommended > 0)
        {
            // From zero it goes to 1 before its stabilizer records anything.
            bounded = 1;
        }
        else
        {
            bounded = Bound(second, current, recommended);
            recommendations.Add((second, recommended));
        }
        var next = Math.Clamp(bounded, spec.MinReplicaCount ?? 0, spec.MaxReplicaCount ?? ScalingDefaults.MaxReplicaCount);
        if (next != current && (Behavior?.ScaleUp is not null || Behavior?.ScaleDown is not null))
        {
            (next > current ? scaleUps : scaleDowns).Add((second, Math.Abs(next - current)));
        }
        return next;
    }

    private int Bound(int second, int current, int recommended)
    {
        if (recommended > current && Behavior?.ScaleUp is { } up)
        {
            return Math.Min(recommended, Math.Min(Stabilized(second, current, recommended), RateLimit(second, current, up, scaleUp: true)));
        }
        if (recommended < current && Behavior?.ScaleDown is { } down)
        {
            return Math.Max(recommended, Math.Max(Stabilized(second, current, recommended), RateLimit(second, current, down, scaleUp: false)));
        }
        return recommended;
    }

    private int Stabilized(int second, int current, int recommended)
    {
        var upWindow = Behavior?.ScaleUp?.StabilizationWindowSeconds ?? 0;
        var downWindow = Behavior?.ScaleDown?.StabilizationWindowSeconds ?? 0;
        // Older recommendations can no longer matter (its stabilizer drops them the same way).
        recommendations.RemoveAll(r => r.Second <= second - Math.Max(upWindow, downWindow));
        int minUp = recommended, maxDown = recommended;
        foreach (var (at, count) in recommendations)
        {
            if (upWindow > 0 && at > second - upWindow)
            {
                minUp = Math.Min(minUp, count);
            }
            if (downWindow > 0 && at > second - downWindow)
            {
                maxDown = Math.Max(maxDown, count);
            }
        }
        return Math.Min(Math.Max(current, minUp), maxDown);
    }

    private int RateLimit(int second, int current, HpaScalingRules rules, bool scaleUp)
    {
        if (rules.SelectPolicy == SelectPolicy.Disabled)
        {
            return current;
        }
        if (rules.Policies is not { Count: > 0 } policies)
        {
            return scaleUp ? int.MaxValue : 0;
        }
        var pickMost = rules.SelectPolicy != SelectPolicy.Min;
        var bounds = policies.Select(p =>
        {
            var start = current - Sum(scaleUps, second, p.PeriodSeconds) + Sum(scaleDowns, second, p.PeriodSeconds);
            return (p.Type, scaleUp) switch
            {
                (HpaPolicyType.Percent, true) => (int)Math.Ceiling(start * (1 + (p.Value / 100.0))),
                (HpaPolicyType.Percent, false) => (int)Math.Floor(start * (1 - (p.Value / 100.0))),
                (_, true) => start + p.Value,
                _ => start - p.Value,
            };
        }).ToList();
        return scaleUp == pickMost ? bounds.Max() : bounds.Min();
    }

    private static int Sum(List<(int Second, int Change)> events, int second, int period)
    {
        // No policy period is longer than 1,800 s (the validator's bound), so older events are dropped.
        events.RemoveAll(e => e.Second <= second - 1800);
        return events.Where(e => e.Second > second - period).Sum(e => e.Change);
    }
}
