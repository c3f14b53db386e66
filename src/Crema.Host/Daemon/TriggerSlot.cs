using Crema.Abstractions;

namespace Crema.Host.Daemon;

/// <summary>
/// One trigger of a running scaled object: its scaler, built on first use and kept across polls,
/// disposed and rebuilt only after a failed read (KEDA: rebuild the client and retry once).
/// A read owns the instance while it runs, so no two reads ever share one (IScaler's "never concurrently").
/// A read its caller abandoned (a timeout, shutdown) keeps its instance: the next read builds a fresh one,
/// and the abandoned read disposes its own when it finally ends.
/// </summary>
internal sealed class TriggerSlot(string key, string type, Func<CancellationToken, Task<IScaler>> build) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private IScaler? idle;
    private bool disposed;
    private int stranded;

    public string Key { get; } = key;

    public string Type { get; } = type;

    /// <summary>Reads abandoned by their caller that have not ended yet.</summary>
    public int Stranded => Volatile.Read(ref stranded);

    /// <summary>Raised with the new scaler each time one is built (push scalers start watching then).</summary>
    public event Action<IScaler>? Built;

    /// <summary>
    /// Starts a read: once; on failure the scaler is rebuilt and read again, and the read fails when the
    /// second attempt fails too. The returned read owns the scaler instance until its task ends.
    /// </summary>
    public ScalerRead Start(CancellationToken ct)
    {
        var read = new ScalerRead();
        read.Task = RunAsync(read, ct);
        return read;
    }

    /// <summary>
    /// Marks a read its caller stopped waiting for; true when it is still running (it is then counted in
    /// <see cref="Stranded"/> until it ends, and its instance is disposed instead of reused).
    /// </summary>
    public bool Abandon(ScalerRead read)
    {
        lock (gate)
        {
            if (read.Ended)
            {
                return false;
            }
            read.Abandoned = true;
            stranded++;
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        IScaler? old;
        lock (gate)
        {
            disposed = true;
            old = idle;
            idle = null;
        }
        await RetireAsync(old).ConfigureAwait(false);
    }

    /// <summary>Disposes the idle scaler so the next read builds a new one (e.g. with a rotated secret).</summary>
    public async Task ResetAsync()
    {
        IScaler? old;
        lock (gate)
        {
            old = idle;
            idle = null;
        }
        await RetireAsync(old).ConfigureAwait(false);
    }

    private async Task<MetricReading> RunAsync(ScalerRead read, CancellationToken ct)
    {
        IScaler? instance;
        lock (gate)
        {
            instance = idle;
            idle = null;
        }
        try
        {
            instance ??= await BuildAsync(ct).ConfigureAwait(false);
            try
            {
                return await instance.ReadAsync(ct).ConfigureAwait(false);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                var failed = instance;
                instance = null;
                await RetireAsync(failed).ConfigureAwait(false);
                instance = await BuildAsync(ct).ConfigureAwait(false);
                return await instance.ReadAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await EndAsync(read, instance).ConfigureAwait(false);
        }
    }

    private async Task<IScaler> BuildAsync(CancellationToken ct)
    {
        var built = await build(ct).ConfigureAwait(false);
        Built?.Invoke(built);
        return built;
    }

    // Hands the instance back for the next read, unless the read was abandoned or the slot disposed meanwhile.
    private async Task EndAsync(ScalerRead read, IScaler? instance)
    {
        var keep = false;
        lock (gate)
        {
            read.Ended = true;
            if (read.Abandoned)
            {
                stranded--;
            }
            else if (!disposed && idle is null && instance is not null)
            {
                idle = instance;
                keep = true;
            }
        }
        if (!keep)
        {
            await RetireAsync(instance).ConfigureAwait(false);
        }
    }

    private static async Task RetireAsync(IScaler? instance)
    {
        if (instance is null)
        {
            return;
        }
        try
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A scaler that fails to close must not fail the read that replaced it, nor the loop's shutdown.
        }
    }
}
