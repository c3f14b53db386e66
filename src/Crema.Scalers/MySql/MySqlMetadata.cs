using Crema.Abstractions;
using Crema.Scalers.Sql;

namespace Crema.Scalers.MySql;

/// <summary>The typed metadata of a <c>mysql</c> trigger (KEDA's mySQLMetadata).</summary>
/// <param name="Query">query, queryValue (required, &gt; 0) and activationQueryValue (default 0).</param>
/// <param name="Connection">From connectionString (a Go DSN), or else host, port, username, password and dbName.</param>
internal sealed record MySqlMetadata(SqlQuery Query, SqlConnectionSettings Connection)
{
    /// <summary>The reading for a query result (KEDA: active above activationQueryValue).</summary>
    public MetricReading ToReading(double value) => Query.ToReading(value);
}
