using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Crema.Scalers.Push;

/// <summary>
/// The watch of a push scaler, tied to the scaler's lifetime rather than to its caller's token: one watch loop
/// at a time, run off the caller's thread, its activity handed over through a one-slot channel (a consumer that
/// falls behind holds the source back instead of losing a change), and ended and waited for by
/// <see cref="StopAsync"/> when the scaler is disposed, so a rebuilt scaler never leaves its watch running.
/// </summary>
internal sealed class OwnedWatch(string scalerType, Func<ChannelWriter<bool>, CancellationToken, Task> run)
{
    private readonly CancellationTokenSource lifetime = new();
    private readonly Lock gate = new();
    private Task watch = Task.CompletedTask;
    private bool stopped;

    /// <summary>
    /// Yields the activity the loop pushes until <paramref name="cancellationToken"/> is cancelled or the watch is
    /// stopped, then ends without throwing; nothing once stopped.
    /// </summary>
    public async IAsyncEnumerable<bool> ActivityAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pushed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var stop = Start(pushed.Writer, cancellationToken, out var running);
        if (stop is null)
        {
            yield break;
        }
        try
        {
            while (true)
            {
                bool ready;
                try
                {
                    ready = await pushed.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                if (!ready)
                {
                    break;
                }
                while (pushed.Reader.TryRead(out var active))
                {
                    yield return active;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await running.ConfigureAwait(false);
            stop.Dispose();
        }
    }

    /// <summary>Ends the watch and waits for its loop; true the first time only, so the owner frees its resources once.</summary>
    public async ValueTask<bool> StopAsync()
    {
        Task running;
        lock (gate)
        {
            if (stopped)
            {
                return false;
            }
            stopped = true;
            running = watch;
        }
        await lifetime.CancelAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);
        lifetime.Dispose();
        return true;
    }

    // Starts the loop, or returns null when already stopped.
    private CancellationTokenSource? Start(ChannelWriter<bool> writer, CancellationToken cancellationToken, out Task running)
    {
        lock (gate)
        {
            running = Task.CompletedTask;
            if (stopped)
            {
                return null;
            }
            if (!watch.IsCompleted)
            {
                throw new InvalidOperationException($"this {scalerType} scaler is already being watched");
            }
            var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
            // Run elsewhere: opening the first stream must not happen under the lock.
            running = watch = Task.Run(() => run(writer, stop.Token), CancellationToken.None);
            return stop;
        }
    }
}
