using Crema.Abstractions;
using Crema.Scalers.Http;
using StackExchange.Redis;

namespace Crema.Scalers.Redis;

/// <summary>
/// One trigger's reads from Redis over its shared connection: each read (connecting included) is bounded by
/// <see cref="ReadTimeout"/> on the scaler's clock, and every failure becomes a <see cref="RedisScalerException"/>
/// naming the servers and the user, with secrets redacted.
/// </summary>
internal sealed class RedisSource : IAsyncDisposable
{
    /// <summary>How long one read may take, connecting included (go-redis, KEDA's client, dials within 5 s).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private const int MaxDetail = 300;

    private readonly RedisConnectionLease lease;
    private readonly int databaseIndex;
    private readonly TimeProvider timeProvider;
    private readonly SecretRedactor redactor;
    private readonly bool tls;

    public RedisSource(RedisConnectionLease lease, int databaseIndex, TimeProvider timeProvider)
    {
        this.lease = lease;
        this.databaseIndex = databaseIndex;
        this.timeProvider = timeProvider;
        var settings = lease.Connection.Settings;
        redactor = new SecretRedactor(settings.Secrets());
        Identity = settings.Identity;
        tls = settings.Tls is not null;
    }

    /// <summary>The servers and user, for messages.</summary>
    public string Identity { get; }

    /// <summary>Runs <paramref name="read"/> (<paramref name="what"/> names it in messages) against the trigger's database.</summary>
    public async Task<T> ReadAsync<T>(string what, Func<IDatabase, Task<T>> read, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var connected = false;
        try
        {
            var multiplexer = await lease.Connection.GetAsync().WaitAsync(linked.Token).ConfigureAwait(false);
            connected = true;
            return await read(multiplexer.GetDatabase(databaseIndex)).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Failure(connected
                ? $"no answer to {what} within {ReadTimeout.TotalSeconds:0} s"
                : $"no answer within {ReadTimeout.TotalSeconds:0} s while connecting" + (tls ? " (TLS is enabled: does that port serve TLS?)" : ""));
        }
        catch (RedisSentinelException e)
        {
            throw Failure(RedisFailureText.Connection(e.Connection, tls, sentinels: true));
        }
        catch (RedisConnectionException e)
        {
            throw Failure(RedisFailureText.Connection(e, tls));
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOAUTH", StringComparison.Ordinal) || e.Message.StartsWith("WRONGPASS", StringComparison.Ordinal))
        {
            throw Failure($"authentication failed (check username and password): {RedisFailureText.Clean(e.Message)}");
        }
        catch (RedisTimeoutException e)
        {
            throw Failure($"{what} timed out: {RedisFailureText.Clean(e.Message)}");
        }
        catch (RedisException e)
        {
            throw Failure($"{what} failed: {RedisFailureText.Clean(e.Message)}");
        }
        catch (RedisCommandException e)
        {
            throw Failure($"{what} failed: {RedisFailureText.Clean(e.Message)}");
        }
    }

    /// <summary>A failure of this source with the servers and user in front, redacted, on one line, capped.</summary>
    public RedisScalerException Failure(string message)
    {
        var text = redactor.Clean(message);
        return new($"{Identity}: {(text.Length <= MaxDetail ? text : text[..MaxDetail] + "...")}");
    }

    public ValueTask DisposeAsync() => lease.DisposeAsync();
}
