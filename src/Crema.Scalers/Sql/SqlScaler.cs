using Crema.Abstractions;

namespace Crema.Scalers.Sql;

/// <summary>A <c>postgresql</c> or <c>mysql</c> trigger: runs its query each poll and judges the value by its targets.</summary>
internal sealed class SqlScaler(SqlQuery query, SqlSource source) : IScaler
{
    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken) =>
        query.ToReading(await source.ReadAsync(query.Text, cancellationToken).ConfigureAwait(false));

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
