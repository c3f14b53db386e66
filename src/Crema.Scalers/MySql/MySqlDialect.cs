using System.Net.Sockets;
using System.Security.Authentication;
using Crema.Scalers.Sql;
using MySqlConnector;

namespace Crema.Scalers.MySql;

/// <summary>What MySqlConnector's failures mean for a <c>mysql</c> trigger, by server error number or by the cause underneath.</summary>
internal sealed class MySqlDialect : SqlDialect
{
    public static MySqlDialect Instance { get; } = new();

    public override string? Describe(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "cannot connect: connection refused (is the server running and listening on that host and port?)";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                    return "cannot connect: the host name does not resolve";
                case SocketException:
                    return "cannot connect";
                case AuthenticationException:
                    return "the TLS handshake failed (check the tls parameter and the server's certificate)";
            }
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
