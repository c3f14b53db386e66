using Crema.Abstractions;
using Crema.Scalers.Sql;

namespace Crema.Scalers.PostgreSql;

/// <summary>The typed metadata of a <c>postgresql</c> trigger (KEDA's postgreSQLMetadata).</summary>
/// <param name="Query">query, targetQueryValue (required, &gt; 0) and activationTargetQueryValue (default 0).</param>
/// <param name="Connection">From connection (libpq keyword/value or URL), or else host, port, userName, dbName, sslmode and password.</param>
internal sealed record PostgreSqlMetadata(SqlQuery Query, SqlConnectionSettings Connection)
{
    /// <summary>The reading for a query result (KEDA: active above activationTargetQueryValue).</summary>
    public MetricReading ToReading(double value) => Query.ToReading(value);
}
