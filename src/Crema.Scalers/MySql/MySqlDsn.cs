using Crema.Abstractions;
using Crema.Scalers.Sql;

namespace Crema.Scalers.MySql;

/// <summary>
/// A connection string in the form KEDA's driver (go-sql-driver/mysql) reads,
/// <c>[user[:password]@][net[(addr)]]/dbname[?param=value&amp;...]</c>, split as its ParseDSN splits it: the last '/'
/// starts the database name, the last '@' before it ends the credentials, the first ':' ends the user.
/// </summary>
/// <param name="User">The user, possibly empty.</param>
/// <param name="Password">The password, possibly empty.</param>
/// <param name="Net">tcp (the default), tcp6 or unix.</param>
/// <param name="Address">host[:port] (default 127.0.0.1:3306) or a socket path (default /tmp/mysql.sock).</param>
/// <param name="DbName">The database, possibly empty (then queries name their tables in full).</param>
/// <param name="Parameters">The parameters after '?', values unescaped, in order.</param>
internal sealed record MySqlDsn(string User, string Password, string Net, string Address, string DbName, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>The parts of <paramref name="dsn"/>, or null with <paramref name="error"/> (which never quotes the text).</summary>
    public static MySqlDsn? Parse(string dsn, out string? error)
    {
        error = null;
        var slash = dsn.LastIndexOf('/');
        if (slash < 0)
        {
            error = dsn.Contains('=', StringComparison.Ordinal) && dsn.Contains(';', StringComparison.Ordinal)
                ? "looks like a MySqlConnector (ADO.NET) connection string; write it as KEDA does: user:password@tcp(host:3306)/dbname"
                : "is not a MySQL DSN: the \"/\" before the database name is missing (user:password@tcp(host:3306)/dbname)";
            return null;
        }
        string user = string.Empty, password = string.Empty, net = string.Empty, address = string.Empty;
        var head = dsn[..slash];
        var at = head.LastIndexOf('@');
        if (at >= 0)
        {
            var credentials = head[..at];
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            user = colon < 0 ? credentials : credentials[..colon];
            password = colon < 0 ? string.Empty : credentials[(colon + 1)..];
        }
        var location = head[(at + 1)..];
        var open = location.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            if (!location.EndsWith(')'))
            {
                error = location[(open + 1)..].Contains(')', StringComparison.Ordinal)
                    ? "is not a valid MySQL DSN (is a parameter value not escaped?)"
                    : "has a network address without its closing \")\"";
                return null;
            }
            address = location[(open + 1)..^1];
            net = location[..open];
        }
        else
        {
            net = location;
        }

        var tail = dsn[(slash + 1)..];
        var question = tail.IndexOf('?', StringComparison.Ordinal);
        var parameters = new List<KeyValuePair<string, string>>();
        if (question >= 0)
        {
            foreach (var pair in tail[(question + 1)..].Split('&'))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                // Go's driver skips a parameter without '='.
                if (equals < 0)
                {
                    continue;
                }
                if (!PercentEncoding.TryDecode(pair[(equals + 1)..], plusIsSpace: true, out var value))
                {
                    error = $"has a badly escaped value for the parameter \"{UntrustedText.Escape(pair[..Math.Min(equals, 64)])}\"";
                    return null;
                }
                parameters.Add(new(pair[..equals], value));
            }
            tail = tail[..question];
        }
        if (!PercentEncoding.TryDecode(tail, plusIsSpace: false, out var dbName))
        {
            error = "has a badly escaped database name";
            return null;
        }
        return new MySqlDsn(user, password, net.Length == 0 ? "tcp" : net, address, dbName, parameters);
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(MySqlDsn)} {{ {User}@{Net}({Address})/{DbName} }}";
}
