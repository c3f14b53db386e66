using Crema.Abstractions;

namespace Crema.Host.Daemon;

/// <summary>
/// One trigger of a running scaled object: its scaler, built on first use and kept across polls,
/// disposed and rebuilt only after a failed read (KEDA: rebuild the client and retry once).
/// </summary>
internal sealed class TriggerSlot(string key, string type, Func<CancellationToken, Task<IScaler>> build) : IAsyncDisposable
{
    private IScaler? scaler;

    public string Key { get; } = key;

    public string Type { get; } = type;

    /// <summary>Raised with the new scaler each time one is built (push scalers start watching then).</summary>
    public event Action<IScaler>? Built;

    /// <summary>Reads once; on failure rebuilds the scaler and reads again. Throws when the second read fails too.</summary>
    public async Task<MetricReading> ReadAsync(CancellationToken ct)
    {
        try
        {
            return await ReadOnceAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            await DropAsync().ConfigureAwait(false);
            return await ReadOnceAsync(ct).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await DropAsync().ConfigureAwait(false);

    /// <summary>Disposes the scaler so the next read builds a new one (e.g. with a rotated secret).</summary>
    public Task ResetAsync() => DropAsync();

    private async Task<MetricReading> ReadOnceAsync(CancellationToken ct)
    {
        if (scaler is null)
        {
            scaler = await build(ct).ConfigureAwait(false);
            Built?.Invoke(scaler);
        }
        return await scaler.ReadAsync(ct).ConfigureAwait(false);
    }

    private async Task DropAsync()
    {
        var old = Interlocked.Exchange(ref scaler, null);
        if (old is not null)
        {
            await old.DisposeAsync().ConfigureAwait(false);
        }
    }
}
