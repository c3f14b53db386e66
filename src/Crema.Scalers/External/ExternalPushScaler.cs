using System.Threading.Channels;
using Crema.Abstractions;
using Crema.Scalers.Push;

namespace Crema.Scalers.External;

/// <summary>
/// The <c>external-push</c> trigger: polls like <see cref="ExternalScaler"/> and also holds a
/// StreamIsActive call open, yielding each pushed activity. A broken or closed stream is reopened
/// after 2 s, doubling up to 60 s; the delay starts again at 2 s once a stream has delivered a message,
/// ended cleanly, or stayed open for a minute (a proxy cutting an idle stream is not a failing server).
/// </summary>
/// <remarks>
/// The watch belongs to this scaler, not only to the caller's token: the host rebuilds a scaler after
/// a failed read while its own token lives on, so <see cref="DisposeAsync"/> ends the watch, waits
/// until its stream is closed, and only then returns the channel.
/// </remarks>
internal sealed class ExternalPushScaler : IPushScaler
{
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly ExternalScaler poller;
    private readonly ExternalScalerClient client;
    private readonly TimeProvider timeProvider;
    private readonly OwnedWatch watch;

    public ExternalPushScaler(ExternalScaler poller, ExternalScalerClient client, TimeProvider timeProvider)
    {
        this.poller = poller;
        this.client = client;
        this.timeProvider = timeProvider;
        watch = new OwnedWatch("external-push", StreamAsync);
    }

    /// <summary>Why the last stream ended, or null while none has failed. For diagnostics; holds no secret.</summary>
    public string? LastStreamError { get; private set; }

    public ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken) => poller.ReadAsync(cancellationToken);

    /// <summary>
    /// Yields every pushed activity until <paramref name="cancellationToken"/> is cancelled or the scaler
    /// is disposed, then ends without throwing. One watch at a time per scaler.
    /// </summary>
    public IAsyncEnumerable<bool> WatchActivityAsync(CancellationToken cancellationToken) => watch.ActivityAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (await watch.StopAsync().ConfigureAwait(false))
        {
            await poller.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Holds StreamIsActive open, reopening it with backoff, until <paramref name="stop"/>; never throws.</summary>
    private async Task StreamAsync(ChannelWriter<bool> writer, CancellationToken stop)
    {
        var backoff = InitialBackoff;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var delivered = false;
                var endedCleanly = false;
                var openedAt = timeProvider.GetTimestamp();
                try
                {
                    await foreach (var active in client.StreamIsActiveAsync(poller.Reference, stop).ConfigureAwait(false))
                    {
                        delivered = true;
                        LastStreamError = null;
                        await writer.WriteAsync(active, stop).ConfigureAwait(false);
                    }
                    endedCleanly = true;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LastStreamError = $"StreamIsActive to {client.Address} failed: {ex.Message}";
                }
                if (delivered || endedCleanly || timeProvider.GetElapsedTime(openedAt) >= MaxBackoff)
                {
                    backoff = InitialBackoff;
                }
                await Task.Delay(backoff, timeProvider, stop).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            writer.TryComplete();
        }
    }
}
