using System.Globalization;
using Crema.Scalers.Sql;
using Npgsql;

namespace Crema.Scalers.PostgreSql;

/// <summary>
/// Turns libpq settings (from a connection string, or KEDA's separate fields) into Npgsql's connection string,
/// keyword by keyword as pgx (KEDA's driver) reads them. Keywords Npgsql cannot honour are errors, not silently
/// dropped. Errors never show a value: the settings hold a password.
/// </summary>
internal static class PostgreSqlSettings
{
    /// <summary>What Crema names itself to the server (pg_stat_activity) unless application_name is given.</summary>
    public const string ApplicationName = "crema";

    private static readonly Dictionary<string, Action<NpgsqlConnectionStringBuilder, string>> Simple = new(StringComparer.Ordinal)
    {
        ["dbname"] = (b, v) => b.Database = v,
        ["user"] = (b, v) => b.Username = v,
        ["password"] = (b, v) => b.Password = v,
        ["passfile"] = (b, v) => b.Passfile = v,
        ["sslcert"] = (b, v) => b.SslCertificate = v,
        ["sslkey"] = (b, v) => b.SslKey = v,
        ["sslpassword"] = (b, v) => b.SslPassword = v,
        ["krbsrvname"] = (b, v) => b.KerberosServiceName = v,
        ["require_auth"] = (b, v) => b.RequireAuth = v,
        ["application_name"] = (b, v) => b.ApplicationName = v,
        ["options"] = (b, v) => b.Options = v,
        ["search_path"] = (b, v) => b.SearchPath = v,
        ["client_encoding"] = (b, v) => b.ClientEncoding = v,
        ["timezone"] = (b, v) => b.Timezone = v,
        ["target_session_attrs"] = (b, v) => b.TargetSessionAttributes = v,
        ["connect_timeout"] = (b, v) => b.Timeout = int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture),
        ["channel_binding"] = (b, v) => b.ChannelBinding = Enum.Parse<ChannelBinding>(v, ignoreCase: true),
        ["sslnegotiation"] = (b, v) => b.SslNegotiation = Enum.Parse<SslNegotiation>(v, ignoreCase: true),
        // Npgsql always sends SNI; libpq's switch is accepted for compatibility.
        ["sslsni"] = (_, v) =>
        {
            if (v is not ("0" or "1"))
            {
                throw new FormatException();
            }
        },
    };

    /// <summary>The connection for <paramref name="settings"/>, or null with <paramref name="error"/> (which names keywords only).</summary>
    public static SqlConnectionSettings? ToConnection(IReadOnlyDictionary<string, string> settings, bool useGoogleIdentity, out string? error)
    {
        error = null;
        var builder = new NpgsqlConnectionStringBuilder { ApplicationName = ApplicationName };
        foreach (var (key, value) in settings)
        {
            if (key is "host" or "port" or "sslmode" or "sslrootcert")
            {
                continue;
            }
            if (!Simple.TryGetValue(key, out var apply))
            {
                error = Unknown(key);
                return null;
            }
            try
            {
                apply(builder, value);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                error = $"has an invalid value for {key}";
                return null;
            }
        }
        if (!ApplyHosts(builder, settings, out error) || !ApplyTls(builder, settings, out error))
        {
            return null;
        }
        if (string.IsNullOrEmpty(builder.SslCertificate) != string.IsNullOrEmpty(builder.SslKey))
        {
            error = "needs both sslcert and sslkey for a client certificate";
            return null;
        }
        var secrets = new[] { builder.Password, builder.SslPassword }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray();
        var user = builder.Username is { Length: > 0 } name ? $" as user \"{name}\"" : string.Empty;
        var database = builder.Database is { Length: > 0 } db ? "/" + db : string.Empty;
        var identity = $"postgresql {Endpoints(builder)}{database}{user}";
        return new SqlConnectionSettings(builder.ConnectionString, identity, secrets, useGoogleIdentity);
    }

    /// <summary>libpq's host and port lists: one port for every host, or one per host; Unix socket directories start with '/'.</summary>
    private static bool ApplyHosts(NpgsqlConnectionStringBuilder builder, IReadOnlyDictionary<string, string> settings, out string? error)
    {
        error = null;
        var hosts = settings.GetValueOrDefault("host", string.Empty).Split(',').Select(h => h.Trim()).ToArray();
        var ports = settings.GetValueOrDefault("port", string.Empty).Split(',').Select(p => p.Trim()).ToArray();
        if (hosts.Any(h => h.Length == 0))
        {
            error = "names no host (give host, or a host in the URL)";
            return false;
        }
        if (ports.Length != 1 && ports.Length != hosts.Length)
        {
            error = $"gives {ports.Length.ToString(CultureInfo.InvariantCulture)} ports for {hosts.Length.ToString(CultureInfo.InvariantCulture)} hosts; give one port, or one per host";
            return false;
        }
        if (!TryParsePorts(ports, out var numbers))
        {
            error = "has a port that is not a number from 1 to 65535";
            return false;
        }
        if (hosts.Length == 1)
        {
            builder.Host = hosts[0];
            builder.Port = numbers[0];
            return true;
        }
        builder.Host = string.Join(',', hosts.Select((h, i) => $"{(h.Contains(':', StringComparison.Ordinal) ? $"[{h}]" : h)}:{numbers[ports.Length == 1 ? 0 : i].ToString(CultureInfo.InvariantCulture)}"));
        return true;
    }

    /// <summary>A comma-separated libpq port list: each entry empty (the default, 5432) or a number from 1 to 65535.</summary>
    public static bool TryParsePorts(IReadOnlyList<string> ports, out int[] numbers)
    {
        numbers = new int[ports.Count];
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].Length == 0)
            {
                numbers[i] = NpgsqlConnection.DefaultPort;
            }
            else if (!int.TryParse(ports[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] is < 1 or > 65535)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// sslmode as pgx reads it: default prefer; <c>require</c> with a root certificate verifies the chain (verify-ca),
    /// as libpq documents; <c>sslrootcert=system</c> verifies against the system's roots and the host name.
    /// </summary>
    private static bool ApplyTls(NpgsqlConnectionStringBuilder builder, IReadOnlyDictionary<string, string> settings, out string? error)
    {
        error = null;
        var mode = settings.GetValueOrDefault("sslmode", "prefer");
        if (!PostgreSqlKeys.SslModes.Contains(mode, StringComparer.Ordinal))
        {
            error = $"has an sslmode that is not one of: {string.Join(", ", PostgreSqlKeys.SslModes)}";
            return false;
        }
        var root = settings.GetValueOrDefault("sslrootcert", string.Empty);
        if (root == "system")
        {
            mode = "verify-full";
        }
        else if (root.Length > 0)
        {
            builder.RootCertificate = root;
            mode = mode == "require" ? "verify-ca" : mode;
        }
        builder.SslMode = Enum.Parse<SslMode>(mode.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
        return true;
    }

    private static string Endpoints(NpgsqlConnectionStringBuilder builder) =>
        builder.Host!.Contains(',', StringComparison.Ordinal) || builder.Host.StartsWith('/')
            ? builder.Host
            : $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// An option Npgsql has no equivalent for. Its name is shown only when it is a libpq keyword or an Npgsql one
    /// (a name the user wrote on purpose): an unknown word may be the tail of a password with an unquoted space.
    /// </summary>
    private static string Unknown(string key)
    {
        if (key is "hostaddr" or "service" or "servicefile" or "krbspn" or "min_protocol_version" or "max_protocol_version" or "gssencmode" or "sslcrl" or "sslcrldir" or "keepalives")
        {
            return $"uses {key}, which Crema does not support";
        }
        if (new NpgsqlConnectionStringBuilder().ContainsKey(key))
        {
            return $"uses \"{key}\", which is Npgsql's spelling; write the connection string in libpq form as KEDA does (host=... port=... user=... dbname=...) or as a postgresql:// URL";
        }
        return "has an option Crema does not know (its name is not shown: it may be part of a password; quote values with spaces in single quotes); "
            + "server settings go in options, for example options='-c statement_timeout=5000'";
    }
}
