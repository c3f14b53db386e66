using Crema.Abstractions;
using Crema.Core.Engine;
using Crema.Host.Status;

namespace Crema.Host.Daemon;

internal sealed partial class ScalingLoop
{
    /// <summary>Attempts to decide again after an etag conflict before waiting for the next poll.</summary>
    private const int ConflictAttempts = 3;

    private async Task<ScalingState> PollAsync(ScalingState state, CancellationToken ct)
    {
        var started = services.Time.GetTimestamp();
        var readings = await triggers.ReadAllAsync(ct).ConfigureAwait(false);
        var samples = ApplyPushes(readings);
        RecordReads(readings);
        var current = await instances.CurrentAsync(ct).ConfigureAwait(false);
        if (current is null)
        {
            AccountInstances();
            Publish(StatusOf(readings, null, null) with { LastDecision = "hold", Reason = "cannot read the current instance count from Cloud Run" + NextAttempt() });
            return state;
        }
        var now = services.Time.GetUtcNow();
        state = SeedLastActive(state, current.Value);
        var decision = ScalingEngine.Decide(scaledObject, state, current.Value, samples, now);
        var description = "hold " + current.Value;
        if (decision.DesiredReplicas != current && instances.Health.MayCall)
        {
            // Shown while the update and its operation run, which can take a minute.
            Publish(StatusOf(readings, decision, current) with
            {
                LastDecision = $"scaling {current} -> {decision.DesiredReplicas}", Reason = decision.Reason,
                PendingUpdate = services.DryRun ? null : new PendingUpdate(current.Value, decision.DesiredReplicas, now),
            });
        }
        DecisionEvent? applied = null;
        for (var attempt = 1; decision.DesiredReplicas != current && attempt <= ConflictAttempts; attempt++)
        {
            var outcome = await instances.ApplyAsync(decision.DesiredReplicas, services.DryRun).ConfigureAwait(false);
            applied = new DecisionEvent(services.Time.GetUtcNow(), current.Value, decision.DesiredReplicas, decision.Reason, outcome);
            description = outcome switch
            {
                DecisionOutcome.Applied => $"scale {current} -> {decision.DesiredReplicas}",
                DecisionOutcome.DryRun => $"dry run: would scale {current} -> {decision.DesiredReplicas}",
                DecisionOutcome.Conflict => $"conflict scaling {current} -> {decision.DesiredReplicas}: re-read",
                DecisionOutcome.Standby => $"hold {current} (standby: the lease holder writes; this daemon would scale to {decision.DesiredReplicas})",
                DecisionOutcome.Stopped => $"stopping: scaling {current} -> {decision.DesiredReplicas} left unconfirmed",
                // Starts with "hold": the count stays, and the back-off was logged once when it began.
                DecisionOutcome.Deferred => $"hold {current}: cannot scale to {decision.DesiredReplicas} ({TargetHealth.Label(instances.Health.State)}){NextAttempt()}",
                _ => $"failed to scale {current} -> {decision.DesiredReplicas}",
            };
            if (outcome != DecisionOutcome.Conflict)
            {
                break;
            }
            current = await instances.CurrentAsync(ct).ConfigureAwait(false);
            if (current is null)
            {
                break;
            }
            decision = ScalingEngine.Decide(scaledObject, state, current.Value, samples, now);
        }
        services.Metrics.PollDuration(Name, services.Time.GetElapsedTime(started));
        AccountInstances();
        if (applied is not null)
        {
            services.Status.AddEvent(Target, applied);
        }
        LogDecision(decision, description, readings);
        Publish(StatusOf(readings, decision, instances.Known) with { LastDecision = description, Reason = decision.Reason });
        return decision.NextState;
    }

    /// <summary>
    /// KEDA keeps lastActiveTime in the ScaledObject's status across operator restarts; Crema keeps no
    /// state. So a target found running when its loop starts counts as active at that moment: a restart
    /// or a config change then never cuts a cooldown short (it may only lengthen it once).
    /// </summary>
    private ScalingState SeedLastActive(ScalingState state, int current)
    {
        if (seeded)
        {
            return state;
        }
        seeded = true;
        var cooldown = scaledObject.Spec.CooldownPeriod ?? Crema.Core.Configuration.ScalingDefaults.CooldownPeriodSeconds;
        var initialCooldown = scaledObject.Spec.InitialCooldownPeriod ?? Crema.Core.Configuration.ScalingDefaults.InitialCooldownPeriodSeconds;
        return current > 0 && state.LastActiveTime is null && cooldown > initialCooldown
            ? state with { LastActiveTime = state.CreatedAt }
            : state;
    }

    private TriggerSample[] ApplyPushes(IReadOnlyList<TriggerReading> readings)
    {
        string[] pushedKeys;
        lock (pushed)
        {
            pushedKeys = [.. pushed];
            pushed.Clear();
        }
        return readings.Select(r =>
        {
            var reading = r.Reading;
            if (reading is { IsActive: false } inactive && pushedKeys.Contains(r.Key))
            {
                // KEDA acts on a pushed "active" at once, even if the next IsActive answer lags behind.
                reading = inactive with { IsActive = true };
            }
            return new TriggerSample(r.Key, reading, r.Error);
        }).ToArray();
    }

    private ObjectStatus StatusOf(IReadOnlyList<TriggerReading> readings, ScalingDecision? decision, int? current)
    {
        var previous = services.Status.Get(Target);
        var triggerStatuses = readings.Select(r =>
        {
            var outcome = decision?.Triggers.FirstOrDefault(t => t.TriggerName == r.Key);
            return new TriggerStatus(r.Key, r.Type, r.Reading?.Value ?? outcome?.Value, r.Reading?.Target ?? outcome?.Target,
                outcome?.IsActive ?? r.Reading?.IsActive ?? false, outcome?.InFallback ?? false,
                outcome?.ConsecutiveFailures ?? (r.Error is null ? 0 : 1), r.Error, r.Reading?.Note, r.Reading?.Details) { StrandedReads = r.StrandedReads };
        }).ToArray();
        return new ObjectStatus
        {
            Name = Name,
            Target = Target,
            Current = current,
            Desired = decision?.DesiredReplicas ?? previous?.Desired,
            Active = decision?.IsActive ?? false,
            LastPollAt = services.Time.GetUtcNow(),
            LastScaleAt = instances.LastScaleAt,
            LastScaleError = instances.LastError,
            PollingIntervalSeconds = interval.TotalSeconds,
            MinReplicas = scaledObject.Spec.MinReplicaCount ?? Crema.Core.Configuration.ScalingDefaults.MinReplicaCount,
            MaxReplicas = scaledObject.Spec.MaxReplicaCount ?? Crema.Core.Configuration.ScalingDefaults.MaxReplicaCount,
            IdleReplicas = scaledObject.Spec.IdleReplicaCount,
            Pause = PauseStatus.Of(scaledObject.Metadata?.Annotations),
            ScalingModifiers = ModifiersStatus.Of(scaledObject.Spec, decision?.Composite),
            Triggers = triggerStatuses,
            CloudRun = instances.Status(),
        };
    }

    private string NextAttempt() =>
        instances.Health.NextAttemptAt is { } at ? $"; next attempt at {at.UtcDateTime:HH:mm:ss} UTC" : string.Empty;

    private void Publish(ObjectStatus status) => services.Status.Set(status);
}
