using Crema.Google;
using Crema.Google.CloudRun;
using Crema.Host.Status;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

/// <summary>
/// The instance count and etag of one Cloud Run target as Crema last knew them. Read from Cloud Run at
/// start, after a conflict or failure, before an update whose etag is stale, and again once the read
/// interval has passed (the larger of the polling interval and <see cref="TargetHealthOptions.ReadInterval"/>),
/// so a count changed by someone else (drift) is seen and corrected (such re-reads wait while they do not fit
/// the read budget: <see cref="ICloudRunClient.TryBudgetOptionalRead"/>). A count found different from the one
/// Crema last set or read is drift: logged, counted and shown on /status. Calls stop while the target backs off.
/// </summary>
internal sealed partial class TargetInstances
{
    /// <summary>How long an update may take, operation included, before it is given up (and re-read next poll).</summary>
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromMinutes(5);

    private readonly LoopServices services;
    private readonly string target;
    private readonly string name;
    private readonly ILogger logger;
    private readonly TimeSpan readInterval;
    private string? etag;

    // The count Cloud Run had as of Crema's last read or applied update: a read finding another count
    // means someone else changed it. Unknown after an update whose outcome Crema could not learn.
    private int? baseline;
    private DateTimeOffset? lastReadAt;

    public TargetInstances(LoopServices services, string target, string name, TimeSpan pollingInterval, ILogger logger)
    {
        this.services = services;
        this.target = target;
        this.name = name;
        this.logger = logger;
        readInterval = pollingInterval > services.TargetHealth.ReadInterval ? pollingInterval : services.TargetHealth.ReadInterval;
        Health = new TargetHealth(name, target, services.TargetHealth, services.Time, logger);
    }

    public int? Known { get; private set; }

    public DateTimeOffset? LastScaleAt { get; private set; }

    public string? LastError => Health.LastError;

    public TargetHealth Health { get; }

    public int Drifts { get; private set; }

    public TargetDrift? LastDrift { get; private set; }

    public void Forget()
    {
        Known = null;
        etag = null;
    }

    /// <summary>
    /// The count to decide from: read again when unknown or when the read interval has passed; what is known
    /// (possibly nothing) while the target backs off.
    /// </summary>
    public async Task<int?> CurrentAsync(CancellationToken ct)
    {
        if (!Health.MayCall)
        {
            return Known;
        }
        if (Known is null)
        {
            return await ReadAsync(ct).ConfigureAwait(false);
        }
        // A re-read only to notice drift waits for a poll when it fits the read budget: with many targets the
        // quota, not the interval, sets how often each is re-read, and the reads updates need are never delayed.
        var due = lastReadAt is not { } at || services.Time.GetUtcNow() - at >= readInterval;
        return due && services.CloudRun.TryBudgetOptionalRead(target) ? await ReadAsync(ct).ConfigureAwait(false) : Known;
    }

    public CloudRunTargetStatus Status() => new()
    {
        State = TargetHealth.Label(Health.State),
        CanScale = Health.CanScale,
        ConsecutiveFailures = Health.ConsecutiveFailures,
        FailingSince = Health.Since,
        NextAttemptAt = Health.NextAttemptAt,
        LastReadAt = lastReadAt,
        Drifts = Drifts,
        LastDrift = LastDrift,
    };

    /// <summary>
    /// Sets the count. Not cancelled by the loop's stop, but bounded by the shutdown grace: once stopping, an
    /// update Cloud Run accepted is not followed further (its operation finishes there), and one still
    /// unanswered is given up at <see cref="ShutdownGrace.UpdatesEnd"/>; the next start reads the real count.
    /// </summary>
    public async Task<DecisionOutcome> ApplyAsync(int desired, bool dryRun)
    {
        if (dryRun)
        {
            services.Metrics.ScaleOperation(name, "dry_run");
            return DecisionOutcome.DryRun;
        }
        if (!services.WriteGate.CanWrite(out _))
        {
            return Standby();
        }
        if (!Health.MayCall)
        {
            return DecisionOutcome.Deferred;
        }
        using var updateTimeout = new CancellationTokenSource(UpdateTimeout, services.Time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(updateTimeout.Token, services.Shutdown.UpdatesEnd);
        var believed = Known;
        if (etag is null)
        {
            if (await ReadAsync(timeout.Token).ConfigureAwait(false) is not { } fresh)
            {
                // Not a conflict: Cloud Run could not be read (the health logged it and keeps the error for /status).
                services.Metrics.ScaleOperation(name, "failed");
                return DecisionOutcome.Failed;
            }
            if (fresh != believed)
            {
                // Someone else changed the count since we decided: decide again on the fresh value.
                services.Metrics.ScaleOperation(name, "conflict");
                return DecisionOutcome.Conflict;
            }
        }
        ScaleResult result;
        try
        {
            // The client paces each request to the Admin API's quotas; nothing is held while the operation runs.
            // Asked again right before the PATCH (the wait above may have been long); losing the right to write
            // while it runs cancels it, so no retry of it is sent after this daemon's lease may have expired.
            if (!services.WriteGate.CanWrite(out var revoked))
            {
                return Standby();
            }
            using var write = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, revoked);
            result = await services.CloudRun.SetInstanceCountAsync(target, desired, etag, services.Shutdown.Stopping, write.Token).ConfigureAwait(false);
            if (result.Outcome == ScaleOutcome.Cancelled && revoked.IsCancellationRequested && !timeout.IsCancellationRequested)
            {
                return Standby();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            return Fail(ErrorText.Of(e), 0, refused: false);
        }
        switch (result.Outcome)
        {
            case ScaleOutcome.Applied:
                Known = desired;
                baseline = desired;
                etag = null;
                lastReadAt = LastScaleAt = services.Time.GetUtcNow();
                Health.WriteSucceeded();
                services.Metrics.ScaleOperation(name, "applied");
                return DecisionOutcome.Applied;
            case ScaleOutcome.Cancelled when services.Shutdown.IsStopping:
                return LeftAtShutdown(desired, result.OperationName);
            case ScaleOutcome.Conflict:
                Forget();
                services.Metrics.ScaleOperation(name, "conflict");
                Health.Conflicted(result.Message ?? $"{target} changed concurrently");
                return DecisionOutcome.Conflict;
            default:
                // A 4xx answer to the PATCH itself (403, 400) started nothing: what Crema knows still holds.
                var refused = result is { HttpStatus: >= 400 and < 500, OperationName: null };
                return Fail(result.Message ?? result.Outcome.ToString(), result.HttpStatus, refused);
        }
    }

    /// <summary>Another daemon writes: decide as usual (warm), write nothing, and read the real count next poll.</summary>
    private DecisionOutcome Standby()
    {
        Forget();
        baseline = null;
        services.Metrics.ScaleOperation(name, "standby");
        return DecisionOutcome.Standby;
    }

    private DecisionOutcome Fail(string message, int httpStatus, bool refused)
    {
        if (!refused)
        {
            // The update may or may not have happened: re-read, and do not call the count found drift.
            Forget();
            baseline = null;
        }
        services.Metrics.ScaleOperation(name, "failed");
        Health.WriteFailed(TargetHealth.StateOf(httpStatus), httpStatus, message);
        return DecisionOutcome.Failed;
    }

    private async Task<int?> ReadAsync(CancellationToken ct)
    {
        try
        {
            var current = await services.CloudRun.GetAsync(target, ct).ConfigureAwait(false);
            if (!current.AcceptsManualCount)
            {
                // Setting manualInstanceCount would "succeed" and be ignored: refuse, and say how to fix it.
                Forget();
                Health.ReadFailed(TargetState.AutomaticScaling, 0,
                    $"service {target} is in {current.ScalingMode ?? "AUTOMATIC"} scaling mode, where Cloud Run ignores the instance count Crema sets; "
                    + "switch it to manual scaling first (gcloud run services update NAME --scaling=COUNT)");
                return null;
            }
            lastReadAt = services.Time.GetUtcNow();
            // A standby expects the lease holder to change the count: only the writer calls a change drift.
            var writer = services.WriteGate.CanWrite(out _);
            if (writer && baseline is { } expected && expected != current.InstanceCount)
            {
                Drifted(expected, current.InstanceCount);
            }
            Known = current.InstanceCount;
            baseline = writer ? Known : null;
            etag = current.Etag;
            Health.ReadSucceeded();
            return Known;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The baseline stays: Crema wrote nothing meanwhile, so a different count read later is still drift.
            Forget();
            var status = e is GoogleApiException api ? api.HttpStatus : 0;
            Health.ReadFailed(TargetHealth.StateOf(status), status, ErrorText.Of(e));
            return null;
        }
    }

    private void Drifted(int expected, int found)
    {
        Drifts++;
        LastDrift = new TargetDrift(services.Time.GetUtcNow(), expected, found);
        services.Metrics.TargetDrift(name, target);
        LogDrift(logger, name, target, found, expected);
    }
}
