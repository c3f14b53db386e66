namespace Crema.Host.Leadership;

internal sealed partial class LeaseElector
{
    /// <summary>
    /// One look at the lease: the holder renews it (without reading it first); anyone else reads it, and
    /// creates it, takes it over, or keeps standing by. Returns how long to wait before the next look.
    /// </summary>
    internal async Task<TimeSpan> StepAsync(CancellationToken ct)
    {
        try
        {
            return await StepOnceAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Publish();
        }
    }

    private async Task<TimeSpan> StepOnceAsync(CancellationToken ct)
    {
        string? version;
        LeaseRecord? held;
        lock (gate)
        {
            version = term is not null ? heldVersion : null;
            held = heldRecord;
        }
        return version is not null && held is not null
            ? await RenewAsync(held, version, ct).ConfigureAwait(false)
            : await LookAsync(ct).ConfigureAwait(false);
    }

    private async Task<TimeSpan> RenewAsync(LeaseRecord held, string version, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var renewed = held with { RenewTime = time.GetUtcNow(), LeaseDurationSeconds = DurationSeconds };
        var result = await CallAsync("renew", token => store.UpdateAsync(renewed, version, token), ct).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case LeaseStoreOutcome.Ok:
                Hold(result.Lease!, started);
                return options.RenewInterval;
            case LeaseStoreOutcome.Conflict or LeaseStoreOutcome.NotFound:
                // Someone else wrote the lease (or deleted it): whoever it is, this daemon no longer holds it.
                lock (gate)
                {
                    heldVersion = null;
                }
                Revoke($"the lease changed under this daemon ({result.Error})");
                return TimeSpan.Zero;
            default:
                // Keep trying until the deadline timer ends the right to write.
                Fail(result.Error!);
                return Min(options.RetryPeriod, options.RenewDeadline - time.GetElapsedTime(rightFrom));
        }
    }

    private async Task<TimeSpan> LookAsync(CancellationToken ct)
    {
        var read = await CallAsync("read", store.ReadAsync, ct).ConfigureAwait(false);
        switch (read.Outcome)
        {
            case LeaseStoreOutcome.Ok:
                break;
            case LeaseStoreOutcome.NotFound:
                return await CreateAsync(ct).ConfigureAwait(false);
            default:
                Fail(read.Error!);
                return options.RetryPeriod;
        }
        var lease = read.Lease!;
        lock (gate)
        {
            if (observed?.Version != lease.Version || deletedAt is not null)
            {
                observed = lease;
                observedAt = time.GetTimestamp();
                deletedAt = null;
            }
        }
        Succeed();
        var record = lease.Record;
        if (record.HolderIdentity == Identity)
        {
            // Already this daemon's: an earlier write whose answer was lost, or this instance restarted. Renew it.
            return await WriteAsync(record with { RenewTime = time.GetUtcNow(), LeaseDurationSeconds = DurationSeconds }, lease.Version, "acquire", ct).ConfigureAwait(false);
        }
        var left = ExpiryOf(record) - time.GetElapsedTime(observedAt);
        if (!record.IsFree && left > TimeSpan.Zero)
        {
            StandBy(record);
            return Min(options.RetryPeriod, left);
        }
        var now = time.GetUtcNow();
        var taken = new LeaseRecord(Identity, DurationSeconds, now, now, record.LeaseTransitions + 1);
        return await WriteAsync(taken, lease.Version, "acquire", ct).ConfigureAwait(false);
    }

    private async Task<TimeSpan> CreateAsync(CancellationToken ct)
    {
        int transitions;
        lock (gate)
        {
            // A lease deleted while someone held it may still be in use by that holder: wait one duration
            // from when the deletion was seen, as for an unrenewed lease, before creating it again.
            if (observed is { Record.IsFree: false } last && last.Record.HolderIdentity != Identity)
            {
                deletedAt ??= time.GetTimestamp();
                var left = ExpiryOf(last.Record) - time.GetElapsedTime(deletedAt.Value);
                if (left > TimeSpan.Zero)
                {
                    return Min(options.RetryPeriod, left);
                }
            }
            transitions = observed is null ? 0 : observed.Record.LeaseTransitions + 1;
        }
        var now = time.GetUtcNow();
        return await WriteAsync(new LeaseRecord(Identity, DurationSeconds, now, now, transitions), null, "create", ct).ConfigureAwait(false);
    }

    private async Task<TimeSpan> WriteAsync(LeaseRecord record, string? version, string operation, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var result = version is null
            ? await CallAsync(operation, token => store.CreateAsync(record, token), ct).ConfigureAwait(false)
            : await CallAsync(operation, token => store.UpdateAsync(record, version, token), ct).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case LeaseStoreOutcome.Ok:
                Hold(result.Lease!, started);
                return options.RenewInterval;
            case LeaseStoreOutcome.Conflict or LeaseStoreOutcome.NotFound:
                // Another daemon was quicker: the next look reads who.
                Succeed();
                return options.RetryPeriod;
            default:
                Fail(result.Error!);
                return options.RetryPeriod;
        }
    }

    /// <summary>A write of the lease by this daemon succeeded: it may write to Cloud Run until RenewDeadline after <paramref name="started"/>.</summary>
    private void Hold(LeaseSnapshot lease, long started)
    {
        bool became;
        lock (gate)
        {
            heldVersion = lease.Version;
            heldRecord = lease.Record;
            observed = lease;
            observedAt = time.GetTimestamp();
            deletedAt = null;
            lastRenewAt = time.GetUtcNow();
            lastError = null;
            rightFrom = started;
            var left = options.RenewDeadline - time.GetElapsedTime(started);
            became = term is null && left > TimeSpan.Zero && !stopping;
            if (became)
            {
                // The term's token cancels itself at the renew deadline; each renewal moves that deadline.
                var fresh = new CancellationTokenSource(left, time);
                fresh.Token.Register(static state => { var (self, cts) = ((LeaseElector, CancellationTokenSource))state!; self.OnDeadline(cts); }, (this, fresh));
                term = fresh;
                roleSince = time.GetUtcNow();
            }
            else if (term is not null)
            {
                term.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
        }
        if (became)
        {
            LogAcquired(logger, store.Description, Identity, lease.Record.LeaseTransitions, options.Duration.TotalSeconds);
            BecameWriter?.Invoke();
        }
    }

    private void StandBy(LeaseRecord record)
    {
        string? previous;
        lock (gate)
        {
            previous = lastHolder;
            lastHolder = record.HolderIdentity;
        }
        if (previous != record.HolderIdentity)
        {
            // Another process wrote the holder's name: escaped, it cannot forge a log line.
            LogStandingBy(logger, store.Description, Identity, record.HolderIdentity is { } holder ? Crema.Abstractions.UntrustedText.Escape(holder) : "nobody", record.LeaseTransitions);
        }
    }

    private void Fail(string error)
    {
        string? previous;
        lock (gate)
        {
            previous = lastError;
            lastError = error;
        }
        if (previous != error)
        {
            LogStoreFailed(logger, store.Description, error);
        }
    }

    private void Succeed()
    {
        string? previous;
        lock (gate)
        {
            previous = lastError;
            lastError = null;
        }
        if (previous is not null)
        {
            LogStoreRecovered(logger, store.Description);
        }
    }

    private int DurationSeconds => (int)Math.Round(options.Duration.TotalSeconds);

    /// <summary>The holder's declared duration when it gave one, else this daemon's.</summary>
    private TimeSpan ExpiryOf(LeaseRecord record) =>
        record.LeaseDurationSeconds > 0 ? TimeSpan.FromSeconds(record.LeaseDurationSeconds) : options.Duration;

    private static TimeSpan Min(TimeSpan a, TimeSpan b)
    {
        var least = a < b ? a : b;
        return least < TimeSpan.Zero ? TimeSpan.Zero : least;
    }
}
