using System.Globalization;
using Crema.Core.Configuration;

namespace Crema.Core.Engine;

/// <summary>
/// KEDA's executor (pkg/scaling/executor/scale_scaledobjects.go RequestScale): 0 -&gt; max(min, 1) when active,
/// back to idle/min (zero) after the cooldown when inactive, up to min when below it; never down because a source failed.
/// </summary>
internal static class ActivationRules
{
    public static ActivationResult Apply(
        ScaledObjectSpec spec, ScalingState state, bool isActive, bool isError, int current, DateTimeOffset now, PauseState pause)
    {
        var min = spec.MinReplicaCount ?? ScalingDefaults.MinReplicaCount;
        var idle = spec.IdleReplicaCount;
        var lastActive = state.LastActiveTime;

        if (isActive)
        {
            if (current == 0 || (idle is not null && current < min))
            {
                if (pause.ScaleOutPaused)
                {
                    return new ActivationResult(null, lastActive, "active, but scale-out is paused: not scaling from " + Text(current));
                }

                var target = Math.Max(min, 1);
                return new ActivationResult(target, now, $"active: scale from {(current == 0 ? "zero" : "idle")} to {Text(target)}");
            }

            // KEDA keeps lastActiveTime when some trigger failed; the HPA step explains what it does with the rest.
            return new ActivationResult(null, isError ? lastActive : now, null);
        }

        if (isError)
        {
            return new ActivationResult(null, lastActive, $"source error: holding {Text(current)} (never scale to zero on error)");
        }

        if ((idle is not null && current > idle) || (current > 0 && min == 0))
        {
            return ScaleToZeroOrIdle(spec, state, current, now, pause, idle ?? min);
        }

        if (idle is null && current < min)
        {
            return new ActivationResult(min, lastActive, $"inactive below minReplicaCount: scale to {Text(min)}");
        }

        return new ActivationResult(null, lastActive, current == 0 ? "inactive at zero" : null);
    }

    private static ActivationResult ScaleToZeroOrIdle(
        ScaledObjectSpec spec, ScalingState state, int current, DateTimeOffset now, PauseState pause, int target)
    {
        if (pause.ScaleInPaused)
        {
            return new ActivationResult(null, state.LastActiveTime, "inactive, but scale-in is paused");
        }

        var cooldown = spec.CooldownPeriod ?? ScalingDefaults.CooldownPeriodSeconds;
        var initialCooldown = spec.InitialCooldownPeriod ?? ScalingDefaults.InitialCooldownPeriodSeconds;
        if (state.LastActiveTime is not { } lastActive)
        {
            var allowedAt = state.CreatedAt.AddSeconds(initialCooldown);
            return now > allowedAt
                ? new ActivationResult(target, null, $"inactive since start (initialCooldown {Text(initialCooldown)}s): scale to {Text(target)}")
                : new ActivationResult(null, null, $"initial cooldown: {Seconds(now - state.CreatedAt)}s of {Text(initialCooldown)}s since start");
        }

        var inactiveFor = now - lastActive;
        return now > lastActive.AddSeconds(cooldown)
            ? new ActivationResult(target, lastActive, $"inactive for {Seconds(inactiveFor)}s (cooldown {Text(cooldown)}s): scale to {Text(target)}")
            : new ActivationResult(null, lastActive, $"cooldown: inactive {Seconds(inactiveFor)}s of {Text(cooldown)}s");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => ((long)Math.Floor(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
