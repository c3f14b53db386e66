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

    public RedisSource(RedisConnectionLease lease, int databaseIndex, TimeProvider timeProvider)
    {
        this.lease = lease;
        this.databaseIndex = databaseIndex;
        this.timeProvider = timeProvider;
        var settings = lease.Connection.Settings;
        redactor = new SecretRedactor(settings.Secrets());
        Identity = settings.Identity;
    }

    /// <summary>The servers and user, for messages.</summary>
    public string Identity { get; }

    /// <summary>Runs <paramref name="read"/> (<paramref name="what"/> names it in messages) against the trigger's database.</summary>
    public async Task<T> ReadAsync<T>(string what, Func<IDatabase, Task<T>> read, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var multiplexer = await lease.Connection.GetAsync().WaitAsync(linked.Token).ConfigureAwait(false);
            return await read(multiplexer.GetDatabase(databaseIndex)).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Failure($"no answer to {what} within {ReadTimeout.TotalSeconds:0} s");
        }
        catch (RedisConnectionException e) when (FailureOf(e) == ConnectionFailureType.AuthenticationFailure)
        {
            throw Failure($"authentication failed (check username and password): {Detail(e)}");
        }
        catch (RedisConnectionException e)
        {
            throw Failure($"cannot connect ({FailureOf(e)}): {Detail(e)}");
        }
        catch (RedisTimeoutException e)
        {
            throw Failure($"{what} timed out: {Detail(e)}");
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOAUTH", StringComparison.Ordinal) || e.Message.StartsWith("WRONGPASS", StringComparison.Ordinal))
        {
            throw Failure($"authentication failed (check username and password): {Detail(e)}");
        }
        catch (RedisServerException e)
        {
            throw Failure($"{what} failed: {Detail(e)}");
        }
        catch (RedisCommandException e)
        {
            throw Failure($"{what} failed: {Detail(e)}");
        }
        catch (RedisException e)
        {
            throw Failure($"{what} failed: {Detail(e)}");
        }
    }

    /// <summary>A failure of this source with the servers and user in front.</summary>
    public RedisScalerException Failure(string message) => new($"{Identity}: {message}");

    public ValueTask DisposeAsync() => lease.DisposeAsync();

    /// <summary>The most specific failure in the chain: "no connection available" wraps the reason (refused, AUTH...).</summary>
    private static ConnectionFailureType FailureOf(RedisConnectionException e)
    {
        var failure = e.FailureType;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is RedisConnectionException { FailureType: not ConnectionFailureType.None } specific)
            {
                failure = specific.FailureType;
            }
        }
        return failure;
    }

    /// <summary>The library's message without its diagnostic tail (thread-pool figures, versions), redacted, on one line, capped.</summary>
    private string Detail(Exception e)
    {
        var text = e.Message;
        var tail = text.IndexOf(", mc: ", StringComparison.Ordinal);
        if (tail > 0)
        {
            text = text[..tail];
        }
        // "No connection is active/available to service this operation: <the whole command>; <reason>": keep the reason.
        var reason = text.StartsWith("No connection is active", StringComparison.Ordinal) ? text.IndexOf("; ", StringComparison.Ordinal) : -1;
        if (reason > 0)
        {
            text = "no connection available: " + text[(reason + 2)..];
        }
        text = UntrustedText.Escape(redactor.Redact(text));
        return text.Length <= MaxDetail ? text : text[..MaxDetail] + "...";
    }
}
