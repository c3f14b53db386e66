using Crema.Google.CloudRun;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

/// <summary>
/// The instance count and etag of one Cloud Run target as Crema last knew them. Read from Cloud Run
/// at start, after a conflict or failure, and before an update whose etag is stale; never every poll.
/// </summary>
internal sealed partial class TargetInstances(LoopServices services, string target, string name, ILogger logger)
{
    /// <summary>How long an update may take, operation included, before it is given up (and re-read next poll).</summary>
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromMinutes(5);

    private string? etag;

    public int? Known { get; private set; }

    public DateTimeOffset? LastScaleAt { get; private set; }

    public string? LastError { get; private set; }

    public void Forget()
    {
        Known = null;
        etag = null;
    }

    public async Task<int?> CurrentAsync(CancellationToken ct) => Known ?? await ReadAsync(ct).ConfigureAwait(false);

    /// <summary>
    /// Sets the count. Deliberately not cancelled by shutdown: once sent, an update is followed to its
    /// end so the daemon never stops with a change half-known (bounded by <see cref="UpdateTimeout"/>).
    /// </summary>
    public async Task<ApplyOutcome> ApplyAsync(int desired, bool dryRun)
    {
        if (dryRun)
        {
            services.Metrics.ScaleOperation(name, "dry_run");
            return ApplyOutcome.DryRun;
        }
        if (!services.WriteGate.CanWrite(out _))
        {
            return Standby();
        }
        using var timeout = new CancellationTokenSource(UpdateTimeout, services.Time);
        var believed = Known;
        if (etag is null)
        {
            if (await ReadAsync(timeout.Token).ConfigureAwait(false) is not { } fresh)
            {
                // Not a conflict: Cloud Run could not be read (ReadAsync logged it and kept the error for /status).
                services.Metrics.ScaleOperation(name, "failed");
                return ApplyOutcome.Failed;
            }
            if (fresh != believed)
            {
                // Someone else changed the count since we decided: decide again on the fresh value.
                services.Metrics.ScaleOperation(name, "conflict");
                LogConflict(logger, name, target);
                return ApplyOutcome.Conflict;
            }
        }
        ScaleResult result;
        await services.Limits.CloudRun.WaitAsync(timeout.Token).ConfigureAwait(false);
        try
        {
            // Asked again right before the PATCH (the wait above may have been long); losing the right to write
            // while it runs cancels it, so no retry of it is sent after this daemon's lease may have expired.
            if (!services.WriteGate.CanWrite(out var revoked))
            {
                return Standby();
            }
            using var write = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, revoked);
            result = await services.CloudRun.SetInstanceCountAsync(target, desired, etag, write.Token).ConfigureAwait(false);
            if (result.Outcome == ScaleOutcome.Cancelled && revoked.IsCancellationRequested && !timeout.IsCancellationRequested)
            {
                return Standby();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            return Fail(ErrorText.Of(e));
        }
        finally
        {
            services.Limits.CloudRun.Release();
        }
        switch (result.Outcome)
        {
            case ScaleOutcome.Applied:
                Known = desired;
                etag = null;
                LastScaleAt = services.Time.GetUtcNow();
                LastError = null;
                services.Metrics.ScaleOperation(name, "applied");
                return ApplyOutcome.Applied;
            case ScaleOutcome.Conflict:
                Forget();
                services.Metrics.ScaleOperation(name, "conflict");
                LogConflict(logger, name, target);
                return ApplyOutcome.Conflict;
            default:
                return Fail(result.Message ?? result.Outcome.ToString());
        }
    }

    /// <summary>Another daemon writes: decide as usual (warm), write nothing, and read the real count next poll.</summary>
    private ApplyOutcome Standby()
    {
        Forget();
        services.Metrics.ScaleOperation(name, "standby");
        return ApplyOutcome.Standby;
    }

    private ApplyOutcome Fail(string message)
    {
        Forget();
        LastError = message;
        services.Metrics.ScaleOperation(name, "failed");
        LogUpdateFailed(logger, name, target, message);
        return ApplyOutcome.Failed;
    }

    private async Task<int?> ReadAsync(CancellationToken ct)
    {
        await services.Limits.CloudRun.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var current = await services.CloudRun.GetAsync(target, ct).ConfigureAwait(false);
            if (!current.AcceptsManualCount)
            {
                // Setting manualInstanceCount would "succeed" and be ignored: refuse, and say how to fix it.
                Forget();
                LastError = $"service {target} is in {current.ScalingMode ?? "AUTOMATIC"} scaling mode, where Cloud Run ignores the instance count Crema sets; "
                    + "switch it to manual scaling first (gcloud run services update NAME --scaling=COUNT)";
                LogReadFailed(logger, name, target, LastError);
                return null;
            }
            Known = current.InstanceCount;
            etag = current.Etag;
            LastError = null;
            return Known;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Forget();
            LastError = ErrorText.Of(e);
            LogReadFailed(logger, name, target, LastError);
            return null;
        }
        finally
        {
            services.Limits.CloudRun.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ScaledObject}: cannot read the instance count of {Target}: {Error}")]
    private static partial void LogReadFailed(ILogger logger, string scaledObject, string target, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ScaledObject}: update of {Target} failed: {Error}")]
    private static partial void LogUpdateFailed(ILogger logger, string scaledObject, string target, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ScaledObject}: {Target} changed concurrently (etag); reading it again")]
    private static partial void LogConflict(ILogger logger, string scaledObject, string target);
}
