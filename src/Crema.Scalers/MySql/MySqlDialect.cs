using Crema.Scalers.Sql;
using MySqlConnector;

namespace Crema.Scalers.MySql;

/// <summary>What MySqlConnector's failures mean for a <c>mysql</c> trigger, by server error number or by the cause underneath.</summary>
internal sealed class MySqlDialect : SqlDialect
{
    public static MySqlDialect Instance { get; } = new();

    public override string? Describe(Exception exception)
    {
        if (DescribeConnection(exception, "the tls parameter and the server's certificate") is { } connection)
        {
            return connection;
        }
        return exception is MySqlException server ? server.ErrorCode switch
        {
            MySqlErrorCode.AccessDenied => "authentication failed (check username and password, and the host the user may connect from)",
            MySqlErrorCode.UnknownDatabase => "the database does not exist (check dbName)",
            MySqlErrorCode.DatabaseAccessDenied or MySqlErrorCode.TableAccessDenied or MySqlErrorCode.ColumnAccessDenied or MySqlErrorCode.SpecifiedAccessDeniedError =>
                "permission denied (grant the user what the query reads)",
            MySqlErrorCode.NoSuchTable or MySqlErrorCode.UnknownTable or MySqlErrorCode.BadFieldError or MySqlErrorCode.FunctionNotDefined or MySqlErrorCode.UnknownProcedure =>
                "the query names something that does not exist",
            MySqlErrorCode.ParseError => "the query is not valid SQL",
            MySqlErrorCode.QueryInterrupted or MySqlErrorCode.QueryTimeout or MySqlErrorCode.CommandTimeoutExpired => "the query was interrupted or timed out",
            MySqlErrorCode.ConnectionCountError or MySqlErrorCode.TooManyUserConnections => "the server has no connection slot left",
            MySqlErrorCode.UnableToConnectToHost => "cannot connect",
            _ when server.Message.Contains("SSL", StringComparison.OrdinalIgnoreCase) || server.Message.Contains("TLS", StringComparison.Ordinal) =>
                "TLS is not possible as asked (check the tls parameter)",
            _ => $"the server rejected the query (error {(int)server.ErrorCode})",
        } : null;
    }
}
