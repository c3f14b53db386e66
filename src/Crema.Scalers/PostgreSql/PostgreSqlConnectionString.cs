using System.Text;
using Crema.Abstractions;
using Crema.Scalers.Sql;

namespace Crema.Scalers.PostgreSql;

/// <summary>
/// Reads a PostgreSQL connection string in the two forms KEDA's driver (pgx, like libpq) accepts: keyword/value
/// (<c>host=db port=5432 user=app password='a b'</c>, values quoted in single quotes with backslash escapes) and
/// URL (<c>postgresql://user:password@host1:5432,host2/db?sslmode=require</c>, percent-encoded). The result maps
/// libpq keywords to values; <c>dbname</c> stays <c>dbname</c>. Errors never quote the string: it holds a password.
/// </summary>
internal static class PostgreSqlConnectionString
{
    /// <summary>The settings, or null with <paramref name="error"/> saying what is wrong (without any of the text).</summary>
    public static IReadOnlyDictionary<string, string>? Parse(string text, out string? error)
    {
        error = null;
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            error = "contains a NUL character";
            return null;
        }
        return text.StartsWith("postgresql://", StringComparison.Ordinal) || text.StartsWith("postgres://", StringComparison.Ordinal)
            ? ParseUrl(text, out error)
            : ParseKeywordValue(text, out error);
    }

    private static Dictionary<string, string>? ParseKeywordValue(string text, out string? error)
    {
        error = null;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = SkipSpace(text, 0);
        while (i < text.Length)
        {
            var keyStart = i;
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            var key = text[keyStart..i];
            i = SkipSpace(text, i);
            if (key.Length == 0 || i >= text.Length || text[i] != '=')
            {
                error = "is not a keyword/value connection string (key=value pairs separated by spaces, such as host=db port=5432) nor a postgresql:// URL";
                return null;
            }
            i = SkipSpace(text, i + 1);
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '\'')
            {
                i++;
                while (i < text.Length && text[i] != '\'')
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }
                    if (i < text.Length)
                    {
                        value.Append(text[i++]);
                    }
                }
                if (i >= text.Length)
                {
                    error = "has a quoted value without its closing quote";
                    return null;
                }
                i++;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    if (text[i] == '\\' && ++i >= text.Length)
                    {
                        break;
                    }
                    value.Append(text[i++]);
                }
            }
            // libpq ignores an empty user (the default applies); later repeats win.
            if (key != "user" || value.Length > 0)
            {
                settings[key] = value.ToString();
            }
            i = SkipSpace(text, i);
        }
        return settings;
    }

    private static Dictionary<string, string>? ParseUrl(string text, out string? error)
    {
        error = null;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = text[(text.IndexOf("//", StringComparison.Ordinal) + 2)..];
        var userEnd = rest.IndexOfAny(['@', '/']);
        if (userEnd >= 0 && rest[userEnd] == '@')
        {
            var userInfo = rest[..userEnd];
            rest = rest[(userEnd + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = colon < 0 ? userInfo : userInfo[..colon];
            if (user.Length > 0 && !TryDecode(user, settings, "user", ref error))
            {
                return null;
            }
            if (colon >= 0 && colon < userInfo.Length - 1 && !TryDecode(userInfo[(colon + 1)..], settings, "password", ref error))
            {
                return null;
            }
        }

        var pathStart = rest.IndexOfAny(['/', '?']);
        var hostPart = pathStart < 0 ? rest : rest[..pathStart];
        rest = pathStart < 0 ? string.Empty : rest[pathStart..];
        if (!ParseHosts(hostPart, settings, ref error))
        {
            return null;
        }

        if (rest.StartsWith('/'))
        {
            var query = rest.IndexOf('?', StringComparison.Ordinal);
            var database = query < 0 ? rest[1..] : rest[1..query];
            rest = query < 0 ? string.Empty : rest[query..];
            if (database.Length > 0 && !TryDecode(database, settings, "dbname", ref error))
            {
                return null;
            }
        }
        if (rest.StartsWith('?'))
        {
            foreach (var pair in rest[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || pair.IndexOf('=', equals + 1) >= 0)
                {
                    error = "has a URL query parameter that is not one key=value pair";
                    return null;
                }
                var names = new Dictionary<string, string>(StringComparer.Ordinal);
                if (!TryDecode(pair[..equals], names, "parameter name", ref error))
                {
                    return null;
                }
                var key = names["parameter name"] is "database" ? "dbname" : names["parameter name"];
                if (!TryDecode(pair[(equals + 1)..], settings, key, ref error))
                {
                    return null;
                }
            }
            // The URL-only alias ssl=true means sslmode=require (unless sslmode is given too).
            if (settings.Remove("ssl", out var ssl) && ssl == "true")
            {
                settings.TryAdd("sslmode", "require");
            }
        }
        return settings;
    }

    /// <summary>host1:port1,[::1]:port2,... into libpq's host and port lists (a port may be empty: the default).</summary>
    private static bool ParseHosts(string hostPart, Dictionary<string, string> settings, ref string? error)
    {
        if (hostPart.Length == 0)
        {
            return true;
        }
        var hosts = new List<string>();
        var ports = new List<string>();
        foreach (var entry in hostPart.Split(','))
        {
            string host;
            var port = string.Empty;
            if (entry.StartsWith('['))
            {
                var close = entry.IndexOf(']', StringComparison.Ordinal);
                if (close < 2 || (close + 1 < entry.Length && entry[close + 1] != ':'))
                {
                    error = "has an IPv6 host in the URL without its closing \"]\" (or with something else after it)";
                    return false;
                }
                host = entry[1..close];
                port = close + 2 <= entry.Length ? entry[(close + 2)..] : string.Empty;
            }
            else
            {
                var colon = entry.IndexOf(':', StringComparison.Ordinal);
                host = colon < 0 ? entry : entry[..colon];
                port = colon < 0 ? string.Empty : entry[(colon + 1)..];
            }
            hosts.Add(host);
            ports.Add(port);
        }
        if (!TryDecode(string.Join(',', hosts), settings, "host", ref error))
        {
            return false;
        }
        return ports.All(p => p.Length == 0) || TryDecode(string.Join(',', ports), settings, "port", ref error);
    }

    /// <summary>Percent-decoding as pgx does it: "+" stays "+"; a bad escape, a %00 or an inner space is an error.</summary>
    private static bool TryDecode(string encoded, Dictionary<string, string> settings, string key, ref string? error)
    {
        var raw = encoded.Trim(' ');
        // The key may be a query parameter's name, taken from the URL as written.
        var shown = UntrustedText.Escape(key.Length <= 64 ? key : key[..64]);
        if (raw.Contains(' ', StringComparison.Ordinal))
        {
            error = $"has a space in the URL's {shown}; write it as %20";
            return false;
        }
        if (!PercentEncoding.TryDecode(raw, plusIsSpace: false, out var value) || value.Contains('\0', StringComparison.Ordinal))
        {
            error = $"has a bad percent-encoded character in the URL's {shown}";
            return false;
        }
        settings[key] = value;
        return true;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }
}
