using System.Runtime.CompilerServices;
using Crema.Abstractions;

namespace Crema.Scalers.External;

/// <summary>
/// The <c>external-push</c> trigger: polls like <see cref="ExternalScaler"/> and also holds a
/// StreamIsActive call open, yielding each pushed activity. A broken or closed stream is reopened
/// after 2 s, doubling up to 60 s; the delay starts again at 2 s once a stream has delivered a message,
/// ended cleanly, or stayed open for a minute (a proxy cutting an idle stream is not a failing server).
/// </summary>
internal sealed class ExternalPushScaler : IPushScaler
{
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly ExternalScaler poller;
    private readonly ExternalScalerClient client;
    private readonly TimeProvider timeProvider;

    public ExternalPushScaler(ExternalScaler poller, ExternalScalerClient client, TimeProvider timeProvider)
    {
        this.poller = poller;
        this.client = client;
        this.timeProvider = timeProvider;
    }

    /// <summary>Why the last stream ended, or null while none has failed. For diagnostics; holds no secret.</summary>
    public string? LastStreamError { get; private set; }

    public ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken) => poller.ReadAsync(cancellationToken);

    /// <summary>Yields every pushed activity until <paramref name="cancellationToken"/> is cancelled, then ends without throwing.</summary>
    public async IAsyncEnumerable<bool> WatchActivityAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var backoff = InitialBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            var delivered = false;
            var endedCleanly = false;
            var openedAt = timeProvider.GetTimestamp();
            var stream = client.StreamIsActiveAsync(poller.Reference, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await stream.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        yield break;
                    }
                    catch (Exception ex)
                    {
                        LastStreamError = $"StreamIsActive to {client.Address} failed: {ex.Message}";
                        break;
                    }
                    if (!more)
                    {
                        endedCleanly = true;
                        break;
                    }
                    delivered = true;
                    LastStreamError = null;
                    yield return stream.Current;
                }
            }
            finally
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            if (delivered || endedCleanly || timeProvider.GetElapsedTime(openedAt) >= MaxBackoff)
            {
                backoff = InitialBackoff;
            }
            try
            {
                await Task.Delay(backoff, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    public ValueTask DisposeAsync() => poller.DisposeAsync();
}
