using Crema.Abstractions;
using Crema.Core.Configuration;

namespace Crema.Host.Daemon;

/// <summary>
/// The triggers of one scaled object, read in parallel each poll, each bounded by the per-type
/// concurrency limit and a read timeout. A read that outlives its timeout is abandoned: it keeps its
/// place in the per-type limit and its scaler instance until it ends (see <see cref="TriggerSlot"/>).
/// Push scalers report activity through <see cref="PushedActive"/>.
/// </summary>
internal sealed class TriggerSet : IAsyncDisposable
{
    /// <summary>
    /// Abandoned reads one trigger may have running before it is no longer read (each rebuild tries a fresh
    /// connection; past this the source is plainly hanging).
    /// </summary>
    internal const int MaxStrandedPerTrigger = 2;

    private readonly TriggerSlot[] slots;
    private readonly TriggerSecrets[] secrets;
    private readonly ConcurrencyLimits limits;
    private readonly TimeSpan readTimeout;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource pushes = new();

    public TriggerSet(LoopServices services, CremaSpec spec, ScaledObject scaledObject, TimeSpan readTimeout)
    {
        limits = services.Limits;
        time = services.Time;
        this.readTimeout = readTimeout;
        secrets = new TriggerSecrets[scaledObject.Spec.Triggers.Count];
        slots = scaledObject.Spec.Triggers.Select((trigger, index) =>
        {
            var key = TriggerContexts.KeyOf(trigger, index);
            var triggerSecrets = secrets[index] = new TriggerSecrets(services, TriggerContexts.AuthenticationOf(spec, trigger), trigger,
                $"{scaledObject.DisplayName}: trigger {key}");
            var slot = new TriggerSlot(key, trigger.Type, ct => BuildAsync(services, spec, scaledObject, index, triggerSecrets, ct));
            slot.Built += scaler => WatchPushes(slot.Key, scaler);
            return slot;
        }).ToArray();
    }

    /// <summary>Raised with the trigger key when a push scaler reports <c>true</c> between polls.</summary>
    public event Action<string>? PushedActive;

    public async Task<IReadOnlyList<TriggerReading>> ReadAllAsync(CancellationToken ct) =>
        await Task.WhenAll(slots.Select((slot, index) => ReadAsync(slot, secrets[index], ct))).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        await pushes.CancelAsync().ConfigureAwait(false);
        foreach (var slot in slots)
        {
            await slot.DisposeAsync().ConfigureAwait(false);
        }
        pushes.Dispose();
    }

    private async Task<TriggerReading> ReadAsync(TriggerSlot slot, TriggerSecrets slotSecrets, CancellationToken ct)
    {
        if (slot.Stranded >= MaxStrandedPerTrigger)
        {
            // Each abandoned read holds a place of its type's bound: one hanging source must not take them all.
            return Failed(slot, $"{slot.Stranded} earlier reads are still running after their {Seconds}s timeout; read again once one ends");
        }
        var gate = limits.ForTriggerType(slot.Type);
        using var timeout = new CancellationTokenSource(readTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await gate.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(slot, $"no answer within {Seconds}s: all {limits.PerTriggerType} concurrent reads of type \"{slot.Type}\" were in use "
                + "(abandoned reads keep theirs until they end)");
        }
        ScalerRead? read = null;
        var started = time.GetTimestamp();
        try
        {
            if (await slotSecrets.RotatedAsync(linked.Token).ConfigureAwait(false))
            {
                await slot.ResetAsync().ConfigureAwait(false);
            }
            read = slot.Start(linked.Token);
            // WaitAsync: a scaler that ignores its token must not hold the loop past the timeout or shutdown.
            var reading = await read.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            var note = reading.Note is null ? null : slotSecrets.Redact(reading.Note);
            return new TriggerReading(slot.Key, slot.Type, reading with { Note = note }, null) { StrandedReads = slot.Stranded, Duration = time.GetElapsedTime(started) };
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(slot, $"no answer within {Seconds}s; the read was abandoned and the next one uses a new scaler") with { Duration = time.GetElapsedTime(started) };
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return Failed(slot, slotSecrets.Redact(ErrorText.Of(e))) with { Duration = time.GetElapsedTime(started) };
        }
        finally
        {
            if (read is { Task.IsCompleted: false } && slot.Abandon(read))
            {
                // The abandoned read keeps its place in the type's bound until it really ends.
                _ = ReleaseWhenEndedAsync(read.Task, gate);
            }
            else
            {
                gate.Release();
            }
        }
    }

    private string Seconds => readTimeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static TriggerReading Failed(TriggerSlot slot, string error) => new(slot.Key, slot.Type, null, error) { StrandedReads = slot.Stranded };

    private static async Task ReleaseWhenEndedAsync(Task read, SemaphoreSlim gate)
    {
        try
        {
            await read.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nobody waits for this reading any more; its error was reported as the timeout.
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<IScaler> BuildAsync(LoopServices services, CremaSpec spec, ScaledObject scaledObject, int index, TriggerSecrets secrets, CancellationToken ct)
    {
        var trigger = scaledObject.Spec.Triggers[index];
        if (!services.Scalers.TryGet(trigger.Type, out var factory))
        {
            throw new InvalidOperationException($"unknown trigger type \"{trigger.Type}\"");
        }
        var authentication = TriggerContexts.AuthenticationOf(spec, trigger);
        var parameters = await secrets.ResolveAsync(ct).ConfigureAwait(false);
        var context = TriggerContexts.Live(scaledObject, index, parameters, authentication) with
        {
            Environment = services.Environment,
            TimeProvider = services.Time,
            Services = services.ScalerServices,
        };
        return factory.Create(context);
    }

    private void WatchPushes(string key, IScaler scaler)
    {
        if (scaler is not IPushScaler push)
        {
            return;
        }
        var token = pushes.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var active in push.WatchActivityAsync(token).ConfigureAwait(false))
                {
                    if (active)
                    {
                        PushedActive?.Invoke(key);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (ObjectDisposedException)
            {
                // The scaler was rebuilt; the new one starts its own watch.
            }
        }, CancellationToken.None);
    }
}
