using System.Globalization;
using System.Threading.Channels;
using Crema.Scalers.Etcd.Protocol;
using Google.Protobuf;
using Grpc.Core;

namespace Crema.Scalers.Etcd;

/// <summary>
/// KEDA's watch loop: a Watch on the key with progress notifications, reopened (on the next endpoint) when it
/// fails, is cancelled by the server, or stays silent for twice watchProgressNotifyInterval. The first watch
/// opens at once; a reopen waits 2 s, doubling up to 60 s, and the wait starts again at 2 s once a watch was
/// accepted (KEDA never lowers it; a server that restarted once should not slow every later recovery).
/// </summary>
internal sealed class EtcdWatch(EtcdMetadata metadata, EtcdConnection connection, TimeProvider timeProvider)
{
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    /// <summary>Why the last watch ended, or null while none has failed.</summary>
    public string? LastError { get; private set; }

    /// <summary>Watches until <paramref name="stop"/>, writing each change's activity; never throws; completes the writer.</summary>
    public async Task RunAsync(ChannelWriter<bool> writer, CancellationToken stop)
    {
        var backoff = InitialBackoff;
        try
        {
            while (true)
            {
                if (await WatchOnceAsync(writer, stop).ConfigureAwait(false))
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

    /// <summary>One watch, until it ends; true when the server accepted it. Cancellation of <paramref name="stop"/> propagates.</summary>
    private async Task<bool> WatchOnceAsync(ChannelWriter<bool> writer, CancellationToken stop)
    {
        var accepted = false;
        var endpoint = connection.Current;
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stop);
        try
        {
            var (call, opened) = await connection.OpenWatchAsync(session.Token).ConfigureAwait(false);
            endpoint = opened;
            using (call)
            {
                var create = new WatchCreateRequest { Key = ByteString.CopyFromUtf8(metadata.WatchKey), ProgressNotify = true };
                await call.RequestStream.WriteAsync(new WatchRequest { CreateRequest = create }, session.Token).ConfigureAwait(false);
                while (true)
                {
                    var response = await NextAsync(call.ResponseStream, session, endpoint).ConfigureAwait(false);
                    if (response is null)
                    {
                        return accepted;
                    }
                    accepted |= response.Created;
                    if (response.Canceled)
                    {
                        LastError = $"{connection.Errors.Prefix(endpoint)}: the server cancelled the watch: {connection.Errors.Clean(response.CancelReason)}";
                        connection.Rotate(endpoint);
                        return accepted;
                    }
                    foreach (var change in response.Events)
                    {
                        // KEDA: a value that is not a number (a deleted key has none) counts as 0.
                        var value = change.Kv is null ? 0 : EtcdValue.Parse(change.Kv.Value.Span, out _) ?? 0;
                        LastError = null;
                        await writer.WriteAsync(metadata.IsActive(value), stop).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
        catch (RpcException ex)
        {
            LastError = connection.Errors.Failed(endpoint, "Watch", ex).Message;
        }
        catch (EtcdReadException ex)
        {
            LastError = ex.Message;
        }
        connection.Rotate(endpoint);
        return accepted;
    }

    /// <summary>The next response, or null when the stream ended or stayed silent too long (recorded in LastError).</summary>
    private async Task<WatchResponse?> NextAsync(IAsyncStreamReader<WatchResponse> responses, CancellationTokenSource session, EtcdEndpoint endpoint)
    {
        var silence = metadata.WatchProgressNotifyInterval * 2;
        using var quiet = new CancellationTokenSource(silence, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(session.Token, quiet.Token);
        try
        {
            if (await responses.MoveNext(linked.Token).ConfigureAwait(false))
            {
                return responses.Current;
            }
            LastError = $"{connection.Errors.Prefix(endpoint)}: the watch stream ended";
            return null;
        }
        catch (OperationCanceledException) when (quiet.IsCancellationRequested && !session.IsCancellationRequested)
        {
            LastError = string.Create(CultureInfo.InvariantCulture,
                $"{connection.Errors.Prefix(endpoint)}: no watch progress notification within {silence.TotalSeconds:0} s (2 x watchProgressNotifyInterval); reopening the watch");
            connection.Rotate(endpoint);
            return null;
        }
    }
}
