using System.Data.Common;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Crema.Scalers.Sql;

/// <summary>What differs between the SQL drivers behind one <see cref="SqlSource"/>: how their failures read.</summary>
internal abstract class SqlDialect
{
    /// <summary>What a failure of the driver means, in words that say what to fix (no secret), or null when not recognised.</summary>
    public abstract string? Describe(Exception exception);

    /// <summary>The first column of the current row, as the driver gives it; a driver may read a type it cannot map in full differently.</summary>
    public virtual object ReadValue(DbDataReader reader) => reader.GetValue(0);

    /// <summary>
    /// What a failure to reach the server means, from the first socket or TLS error among its causes, or null;
    /// <paramref name="tlsCheck"/> says what to check after a failed TLS handshake.
    /// </summary>
    protected static string? DescribeConnection(Exception exception, string tlsCheck)
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
                    return $"the TLS handshake failed (check {tlsCheck})";
            }
        }
        return null;
    }
}
