using System.Data;
using System.Globalization;
using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.Sql;

/// <summary>
/// Runs one trigger's query over its shared data source: a pooled connection per read, the whole read (connecting
/// included) bounded by <see cref="ReadTimeout"/> on the scaler's clock, and the first column of the first row read
/// as KEDA reads it. Every failure becomes a <see cref="SqlReadException"/> naming the server, database and user,
/// with secrets redacted.
/// </summary>
internal sealed class SqlSource : IAsyncDisposable
{
    /// <summary>
    /// How long one read may take, connecting included: below the daemon's own per-read limit (at least 10 s), so a
    /// slow query fails with this scaler's message. KEDA sets none.
    /// </summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(8);

    private const int MaxDetail = 300;

    private readonly SqlDataSourceLease lease;
    private readonly SqlDialect dialect;
    private readonly TimeProvider timeProvider;
    private readonly SecretRedactor redactor;

    public SqlSource(SqlDataSourceLease lease, SqlConnectionSettings settings, SqlDialect dialect, TimeProvider timeProvider)
    {
        this.lease = lease;
        this.dialect = dialect;
        this.timeProvider = timeProvider;
        redactor = new SecretRedactor(settings.Secrets.Append(settings.ConnectionString));
        Identity = settings.Identity;
    }

    /// <summary>The server, database and user, for messages.</summary>
    public string Identity { get; }

    /// <summary>The query's value; throws <see cref="SqlReadException"/> when it cannot be read or is not a number.</summary>
    public async Task<double> ReadAsync(string query, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // WaitAsync: a driver stuck in a socket call must not hold the poll past the limit; the read still
            // finishes (and returns its connection to the pool) in the background.
            return await QueryAsync(query, linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Failure($"no answer within {ReadTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (connecting included)");
        }
        catch (SqlReadException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Failure(dialect.Describe(e) is { } known ? $"{known}: {Detail(e)}" : Detail(e));
        }
    }

    public ValueTask DisposeAsync() => lease.DisposeAsync();

    private async Task<double> QueryAsync(string query, CancellationToken cancellationToken)
    {
        var connection = await lease.Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = query;
                var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleResult, cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (reader.FieldCount == 0 || !await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw Failure("the query returned no rows; it must return one row with one number");
                    }
                    if (reader.FieldCount > 1)
                    {
                        throw Failure($"the query returned {reader.FieldCount.ToString(CultureInfo.InvariantCulture)} columns; it must return one (a number)");
                    }
                    var value = await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false) ? DBNull.Value : dialect.ReadValue(reader);
                    return SqlResultValue.ToNumber(value, reader.GetDataTypeName(0), out var error) ?? throw Failure(error!);
                }
            }
        }
    }

    private SqlReadException Failure(string message) => new($"{Identity}: {message}");

    /// <summary>The driver's message (and the innermost cause's, when it says more), redacted, on one line, capped.</summary>
    private string Detail(Exception e)
    {
        var text = e.Message;
        var inner = e.InnerException;
        while (inner?.InnerException is not null)
        {
            inner = inner.InnerException;
        }
        if (inner is not null && !text.Contains(inner.Message, StringComparison.Ordinal))
        {
            text = $"{text} ({inner.Message})";
        }
        text = redactor.Clean(text);
        return text.Length <= MaxDetail ? text : text[..MaxDetail] + "...";
    }
}
