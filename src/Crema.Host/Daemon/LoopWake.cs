namespace Crema.Host.Daemon;

/// <summary>
/// Ends a scaling loop's wait early (a push scaler turned active, the lease was taken over). Signals while the loop
/// is busy are kept as one and end its next wait at once. Holds only a flag while nobody waits (a bounded channel
/// per loop, as before, kept about 500 bytes of reader and writer state for each of 10,000 loops).
/// </summary>
internal sealed class LoopWake
{
    private readonly Lock gate = new();
    private bool signalled;
    private TaskCompletionSource? waiter;

    public void Signal()
    {
        TaskCompletionSource? woken;
        lock (gate)
        {
            signalled = true;
            woken = waiter;
            waiter = null;
        }
        woken?.TrySetResult();
    }

    /// <summary>Waits for <paramref name="wait"/> on <paramref name="time"/>, a signal, or <paramref name="ct"/>; consumes the signals seen.</summary>
    public async Task WaitAsync(TimeSpan wait, TimeProvider time, CancellationToken ct)
    {
        Task woken;
        lock (gate)
        {
            if (signalled)
            {
                signalled = false;
                return;
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            woken = waiter.Task;
        }
        using var delay = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(Task.Delay(wait, time, delay.Token), woken).ConfigureAwait(false);
        await delay.CancelAsync().ConfigureAwait(false);
        lock (gate)
        {
            signalled = false;
            waiter = null;
        }
    }
}
