using System.Globalization;
using Crema.Abstractions;
using Crema.Scalers.Sql;
using MySqlConnector;

namespace Crema.Scalers.MySql;

/// <summary>
/// Turns a Go DSN's parts into MySqlConnector's connection string with go-sql-driver's defaults: no TLS unless
/// <c>tls</c> says so, port 3306, the server's RSA key fetched for caching_sha2_password over plain TCP (the Go
/// driver does this unasked), and TINYINT(1) read as a number (Go has no booleans on the wire). Parameters Go would
/// send as system variables (<c>SET name=value</c>) are errors: Crema does not run them.
/// </summary>
internal static class MySqlSettings
{
    /// <summary>Go driver parameters that only shape what an application reads or writes, not one number.</summary>
    private static readonly HashSet<string> NoEffect = new(StringComparer.Ordinal)
    {
        "allowAllFiles", "allowCleartextPasswords", "allowFallbackToPlaintext", "allowNativePasswords", "allowOldPasswords",
        "checkConnLiveness", "clientFoundRows", "columnsWithAlias", "interpolateParams", "multiStatements", "parseTime",
        "rejectReadOnly", "collation", "loc", "timeTruncate", "maxAllowedPacket", "connectionAttributes", "writeTimeout",
    };

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal)
    {
        "allowAllFiles", "allowCleartextPasswords", "allowFallbackToPlaintext", "allowNativePasswords", "allowOldPasswords",
        "checkConnLiveness", "clientFoundRows", "columnsWithAlias", "interpolateParams", "multiStatements", "parseTime",
        "rejectReadOnly", "compress",
    };

    /// <summary>The connection for <paramref name="dsn"/>, or null with <paramref name="error"/> (which names parameters only).</summary>
    public static SqlConnectionSettings? ToConnection(MySqlDsn dsn, bool useGoogleIdentity, out string? error)
    {
        error = null;
        var builder = new MySqlConnectionStringBuilder
        {
            UserID = dsn.User,
            Password = dsn.Password,
            Database = dsn.DbName,
            SslMode = MySqlSslMode.None,
            AllowPublicKeyRetrieval = true,
            TreatTinyAsBoolean = false,
            ApplicationName = "crema",
        };
        if (!ApplyAddress(builder, dsn, out error))
        {
            return null;
        }
        foreach (var (key, value) in dsn.Parameters)
        {
            if (!ApplyParameter(builder, key, value, out error))
            {
                return null;
            }
        }
        var where = builder.ConnectionProtocol == MySqlConnectionProtocol.UnixSocket
            ? builder.Server
            : $"{(builder.Server.Contains(':', StringComparison.Ordinal) ? $"[{builder.Server}]" : builder.Server)}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";
        var database = dsn.DbName.Length > 0 ? "/" + dsn.DbName : string.Empty;
        var identity = $"mysql {where}{database} as user \"{dsn.User}\"";
        return new SqlConnectionSettings(builder.ConnectionString, identity, dsn.Password.Length > 0 ? [dsn.Password] : [], useGoogleIdentity);
    }

    /// <summary>The DSN for KEDA's separate fields (it builds one with the Go driver's FormatDSN).</summary>
    public static MySqlDsn FromFields(string host, string port, string user, string password, string dbName) =>
        new(user, password, "tcp", $"{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}", dbName, []);

    private static bool ApplyAddress(MySqlConnectionStringBuilder builder, MySqlDsn dsn, out string? error)
    {
        error = null;
        switch (dsn.Net)
        {
            case "unix":
                builder.ConnectionProtocol = MySqlConnectionProtocol.UnixSocket;
                builder.Server = dsn.Address.Length == 0 ? "/tmp/mysql.sock" : dsn.Address;
                return true;
            case "tcp" or "tcp6":
                var (host, port) = SplitHostPort(dsn.Address.Length == 0 ? "127.0.0.1:3306" : dsn.Address);
                if (host.Length == 0 || !uint.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
                {
                    error = "has an address that is not host:port with a port from 1 to 65535";
                    return false;
                }
                builder.Server = host;
                builder.Port = number;
                return true;
            default:
                error = "names a network other than tcp, tcp6 or unix (Go programs can register others; Crema cannot)";
                return false;
        }
    }

    /// <summary>
    /// The driver's ensureHavePort and net.SplitHostPort: <c>host</c> and a bare IPv6 address get port 3306,
    /// <c>host:port</c> and <c>[v6]:port</c> split; anything else has no valid host.
    /// </summary>
    private static (string Host, string Port) SplitHostPort(string address)
    {
        if (address.StartsWith('['))
        {
            var close = address.IndexOf(']', StringComparison.Ordinal);
            if (close == address.Length - 1)
            {
                return (address[1..close], "3306");
            }
            return close > 0 && address[close + 1] == ':' ? (address[1..close], address[(close + 2)..]) : (string.Empty, string.Empty);
        }
        return address.Count(c => c == ':') switch
        {
            0 => (address, "3306"),
            1 => (address[..address.IndexOf(':', StringComparison.Ordinal)], address[(address.IndexOf(':', StringComparison.Ordinal) + 1)..]),
            _ => (address, "3306"),
        };
    }

    private static bool ApplyParameter(MySqlConnectionStringBuilder builder, string key, string value, out string? error)
    {
        error = null;
        if (Booleans.Contains(key) && value is not ("1" or "true" or "TRUE" or "True" or "0" or "false" or "FALSE" or "False"))
        {
            error = $"has {key}, which must be true or false";
            return false;
        }
        switch (key)
        {
            case "tls":
                MySqlSslMode? mode = value.ToLowerInvariant() switch
                {
                    "true" or "1" => MySqlSslMode.VerifyFull,
                    "false" or "0" => MySqlSslMode.None,
                    "skip-verify" => MySqlSslMode.Required,
                    "preferred" => MySqlSslMode.Preferred,
                    _ => null,
                };
                builder.SslMode = mode ?? MySqlSslMode.None;
                error = mode is null ? "has a tls value that names a TLS config registered in Go code; Crema takes true, false, skip-verify or preferred" : null;
                return mode is not null;
            case "timeout" or "readTimeout":
                if (!GoDuration.TryParse(value, out var duration) || duration < TimeSpan.Zero)
                {
                    error = $"has a {key} that is not a Go duration such as 5s";
                    return false;
                }
                var seconds = (uint)Math.Ceiling(Math.Min(duration.TotalSeconds, int.MaxValue));
                if (key == "timeout")
                {
                    builder.ConnectionTimeout = seconds;
                }
                else
                {
                    builder.DefaultCommandTimeout = seconds;
                }
                return true;
            case "charset":
                builder.CharacterSet = value.Split(',')[0];
                return true;
            case "compress":
                builder.UseCompression = value is "1" or "true" or "TRUE" or "True";
                return true;
            case "serverPubKey":
                error = "has serverPubKey, which names a key registered in Go code; Crema fetches the server's key itself";
                return false;
            default:
                if (NoEffect.Contains(key))
                {
                    return true;
                }
                error = $"has the parameter {UntrustedText.Escape(key)}, which the Go driver sends as a system variable (SET {UntrustedText.Escape(key)}=...); Crema does not";
                return false;
        }
    }
}
