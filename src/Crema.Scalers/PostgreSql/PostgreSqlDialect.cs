using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Crema.Scalers.Sql;
using Npgsql;

namespace Crema.Scalers.PostgreSql;

/// <summary>What Npgsql's failures mean for a <c>postgresql</c> trigger, by SQLSTATE or by the cause underneath.</summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    public static PostgreSqlDialect Instance { get; } = new();

    /// <summary>
    /// A numeric beyond decimal's range (1e40) is read as a whole number, as pgx hands KEDA the digits it parses;
    /// only a numeric that is both that large and fractional cannot be read.
    /// </summary>
    public override object ReadValue(DbDataReader reader)
    {
        try
        {
            return reader.GetValue(0);
        }
        catch (OverflowException) when (reader.GetDataTypeName(0) == "numeric")
        {
            // Through its digits: BigInteger's own conversion to double does not round to nearest.
            return double.Parse(reader.GetFieldValue<BigInteger>(0).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
    }

    public override string? Describe(Exception exception)
    {
        if (exception is PostgresException server)
        {
            return server.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                    "authentication failed (check userName and password, and that pg_hba.conf lets this user in from here)",
                PostgresErrorCodes.InvalidCatalogName => "the database does not exist (check dbName)",
                PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedFunction or PostgresErrorCodes.InvalidSchemaName =>
                    "the query names something that does not exist",
                PostgresErrorCodes.InsufficientPrivilege => "permission denied (grant the user what the query reads)",
                PostgresErrorCodes.SyntaxError => "the query is not valid SQL",
                PostgresErrorCodes.QueryCanceled => "the server cancelled the query (statement_timeout?)",
                PostgresErrorCodes.TooManyConnections => "the server has no connection slot left",
                _ => $"the server rejected the query (SQLSTATE {server.SqlState})",
            };
        }
        if (DescribeConnection(exception, "sslmode and the server's certificate against sslrootcert") is { } connection)
        {
            return connection;
        }
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is TimeoutException)
            {
                return "the connection timed out";
            }
        }
        return exception is NpgsqlException && exception.Message.Contains("SSL", StringComparison.Ordinal)
            ? "TLS is not possible as asked (check sslmode)"
            : null;
    }
}
