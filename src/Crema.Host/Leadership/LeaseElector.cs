using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Leadership;

/// <summary>
/// Keeps this daemon's place in the lease: the holder renews it and may write to Cloud Run; every other
/// daemon stands by, reading it, and takes it over once it has seen it unchanged for a whole lease duration.
/// Safety rests on the store's compare-and-swap and on each daemon's own monotonic clock only: the holder's
/// right to write ends <see cref="LeaseOptions.RenewDeadline"/> after the start of its last successful write,
/// while a standby's wait starts only after it has read that write, so the two never overlap (the remaining
/// third of the duration covers a write already on its way and clock rate differences). Wall-clock times in
/// the record are for people; no decision uses them.
/// </summary>
internal sealed partial class LeaseElector : BackgroundService, IWriteGate
{
    private readonly ILeaseStore store;
    private readonly LeaseOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Action<LeadershipStatus> publish;
    private readonly Action<string, string>? onCall;
    private readonly Lock gate = new();
    private readonly TaskCompletionSource firstStep = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // What this daemon last saw in the store, and when (monotonic) it first saw that version.
    private LeaseSnapshot? observed;
    private long observedAt;
    private long? deletedAt;

    // Set while this daemon holds the lease at heldVersion; the right to write lasts RenewDeadline from rightFrom.
    private string? heldVersion;
    private LeaseRecord? heldRecord;
    private long rightFrom;
    private CancellationTokenSource? term;
    private bool stopping;
    private DateTimeOffset? roleSince;
    private DateTimeOffset? lastRenewAt;
    private string? lastError;
    private string? lastHolder;

    public LeaseElector(ILeaseStore store, LeaseOptions options, TimeProvider time, ILoggerFactory logging,
        Action<LeadershipStatus> publish, Action<string, string>? onCall = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Identity);
        this.store = store;
        this.options = options;
        this.time = time;
        this.publish = publish;
        this.onCall = onCall;
        Identity = options.Identity;
        logger = logging.CreateLogger("Crema.Lease");
        Publish();
    }

    public event Action? BecameWriter;

    public string Identity { get; }

    /// <summary>True while this daemon holds the lease and its renew deadline has not passed.</summary>
    public bool IsLeader => CanWrite(out _);

    /// <summary>The User-Agent comment of Google API calls, so Cloud Audit Logs (and the emulator) tell the writers apart.</summary>
    public string WriterTag
    {
        get
        {
            lock (gate)
            {
                return term is not null && heldRecord is { } held ? $"writer={Identity}; term={held.LeaseTransitions}" : $"writer={Identity}; standby";
            }
        }
    }

    public bool CanWrite(out CancellationToken revoked)
    {
        lock (gate)
        {
            if (term is { } current && !stopping && time.GetElapsedTime(rightFrom) < options.RenewDeadline)
            {
                revoked = current.Token;
                return true;
            }
        }
        revoked = CancellationToken.None;
        return false;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
        // The first look at the lease ends before the loops start, so a daemon that finds the lease free writes
        // from its first poll instead of one polling interval later. Bounded: each store call has a time limit.
        await firstStep.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops renewing, stops writing, then hands the lease back so a standby takes over at its next look.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        CancellationTokenSource? ended;
        string? version;
        LeaseRecord? held;
        lock (gate)
        {
            stopping = true;
            ended = term;
            term = null;
            version = heldVersion;
            held = heldRecord;
            heldVersion = null;
        }
        ended?.Cancel();
        ended?.Dispose();
        if (version is not null && held is not null)
        {
            var released = held with { HolderIdentity = null, RenewTime = time.GetUtcNow() };
            LeaseStoreResult result;
            try
            {
                // Within what is left of the host's shutdown grace: the platform kills the process soon after it.
                result = await CallAsync("release", token => store.UpdateAsync(released, version, token), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                result = LeaseStoreResult.Fail(LeaseStoreOutcome.Failed,
                    $"release {store.Description}: the shutdown grace ended first; a standby takes over once the lease expires");
            }
            if (result.Outcome == LeaseStoreOutcome.Ok)
            {
                LogReleased(logger, store.Description, Identity);
            }
            else
            {
                LogReleaseFailed(logger, store.Description, result.Error ?? result.Outcome.ToString());
            }
        }
        Publish();
    }

    public override void Dispose()
    {
        term?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan next;
            try
            {
                next = await StepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A bug here must not end the elector: the deadline timer still ends writing on time.
                Fail(Daemon.ErrorText.Of(e));
                Publish();
                next = options.RetryPeriod;
            }
            finally
            {
                firstStep.TrySetResult();
            }
            try
            {
                await Task.Delay(next, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        firstStep.TrySetResult();
    }

    private async Task<LeaseStoreResult> CallAsync(string operation, Func<CancellationToken, Task<LeaseStoreResult>> call, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(options.CallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        LeaseStoreResult result;
        try
        {
            result = await call(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            result = LeaseStoreResult.Fail(LeaseStoreOutcome.Failed, $"{operation} {store.Description}: no answer within {options.CallTimeout.TotalSeconds:0.#} s");
        }
        onCall?.Invoke(operation, result.Outcome switch
        {
            LeaseStoreOutcome.Ok => "ok",
            LeaseStoreOutcome.NotFound => "not_found",
            LeaseStoreOutcome.Conflict => "conflict",
            _ => "failed",
        });
        return result;
    }

    /// <summary>The term's own timeout fired: the renew deadline passed without a renewal.</summary>
    private void OnDeadline(CancellationTokenSource fired)
    {
        lock (gate)
        {
            if (!ReferenceEquals(term, fired))
            {
                return;
            }
            term = null;
            roleSince = time.GetUtcNow();
        }
        LogLost(logger, store.Description, Identity,
            $"the lease was not renewed within {options.RenewDeadline.TotalSeconds:0.#} s of the last renewal (last error: {lastError ?? "none"})");
        Publish();
    }

    /// <summary>Ends the right to write at once: every write still under way is cancelled through its token.</summary>
    private void Revoke(string reason)
    {
        CancellationTokenSource? ended;
        lock (gate)
        {
            ended = term;
            term = null;
            if (ended is not null)
            {
                roleSince = time.GetUtcNow();
            }
        }
        if (ended is not null)
        {
            ended.Cancel();
            ended.Dispose();
            LogLost(logger, store.Description, Identity, reason);
        }
    }

    private void Publish()
    {
        LeadershipStatus status;
        lock (gate)
        {
            status = new LeadershipStatus
            {
                Lease = store.Description,
                Identity = Identity,
                Role = term is not null && !stopping ? "leader" : "standby",
                Holder = observed?.Record is { IsFree: false, HolderIdentity: { } holder } && deletedAt is null ? Crema.Abstractions.UntrustedText.Escape(holder) : null,
                Term = observed?.Record.LeaseTransitions,
                LeaseDurationSeconds = options.Duration.TotalSeconds,
                RoleSince = roleSince,
                LastRenewAt = lastRenewAt,
                LastError = lastError,
            };
        }
        publish(status);
    }
}
