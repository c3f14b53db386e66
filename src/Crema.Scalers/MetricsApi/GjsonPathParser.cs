using System.Text.Json;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// Parses the GJSON path syntax (github.com/tidwall/gjson SYNTAX.md) that KEDA's metrics-api reads
/// valueLocation with, into steps: keys with <c>\</c> escapes and <c>*</c>/<c>?</c> wildcards, array
/// indexes, <c>#</c>, <c>#(...)</c> and <c>#(...)#</c> queries (nested too), <c>.</c> and <c>|</c> separators
/// and <c>@this</c>. The parts that build new documents (other modifiers, multipaths, literals, JSON Lines)
/// are refused with a message naming them, so a path is never half-understood.
/// </summary>
internal static class GjsonPathParser
{
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "reverse", "ugly", "pretty", "this", "valid", "flatten", "join", "keys", "values", "tostr", "fromstr", "group", "dig",
    };

    /// <summary>The steps of <paramref name="path"/>, or null and a message saying what is wrong.</summary>
    public static IReadOnlyList<GjsonStep>? Parse(string path, out string? error)
    {
        error = path.StartsWith("..", StringComparison.Ordinal) ? "JSON Lines paths (starting with ..) are not supported"
            : path.StartsWith('!') ? "GJSON literals (!...) are not supported"
            : null;
        if (error is not null)
        {
            return null;
        }
        var steps = new List<GjsonStep>();
        var position = 0;
        var piped = false;
        while (error is null)
        {
            var step = ReadStep(path, ref position, piped, out error);
            if (step is null)
            {
                break;
            }
            steps.Add(step);
            if (position == path.Length)
            {
                return steps;
            }
            if (path[position] is not ('.' or '|'))
            {
                error = $"unexpected \"{path[position]}\" after {Describe(step)} at character {position + 1}; separate components with . or |";
                break;
            }
            piped = path[position] == '|';
            if (++position == path.Length)
            {
                error = "ends with a separator";
            }
        }
        return null;
    }

    private static GjsonStep? ReadStep(string path, ref int position, bool piped, out string? error)
    {
        error = null;
        var c = path[position];
        if (c is '.' or '|')
        {
            error = $"has an empty component at character {position + 1}";
            return null;
        }
        if (c is '[' or '{')
        {
            error = "GJSON multipaths ([a,b] or {a,b}) are not supported";
            return null;
        }
        if (c == '@' && ModifierName(path, position) is { } modifier && Modifiers.Contains(modifier))
        {
            var end = position + 1 + modifier.Length;
            if (modifier != "this" || (end < path.Length && path[end] == ':'))
            {
                error = $"the GJSON modifier @{modifier} is not supported (only @this is)";
                return null;
            }
            position = end;
            return new GjsonStep(GjsonStepKind.This, piped);
        }
        if (c == '#' && position + 1 < path.Length && path[position + 1] is '(' or '[')
        {
            return ReadQuery(path, ref position, piped, out error);
        }
        if (c == '#' && (position + 1 == path.Length || path[position + 1] is '.' or '|'))
        {
            position++;
            return new GjsonStep(GjsonStepKind.Hash, piped);
        }
        return ReadKey(path, ref position, piped, out error);
    }

    private static GjsonStep? ReadKey(string path, ref int position, bool piped, out string? error)
    {
        error = null;
        var start = position;
        for (; position < path.Length && path[position] is not ('.' or '|'); position++)
        {
            if (path[position] == '\\' && ++position == path.Length)
            {
                error = "ends with an escape character (\\)";
                return null;
            }
        }
        var pattern = path[start..position];
        return new GjsonStep(GjsonStepKind.Key, piped)
        {
            Pattern = pattern,
            Name = WildcardPattern.Unescape(pattern),
            Wildcard = WildcardPattern.HasWildcard(pattern),
        };
    }

    /// <summary>gjson's parseQuery: the condition runs to the bracket that closes the opening one.</summary>
    private static GjsonStep? ReadQuery(string path, ref int position, bool piped, out string? error)
    {
        error = null;
        var start = position;
        var depth = 1;
        var operatorAt = -1;
        var escapedString = false;
        var i = start + 2;
        for (; i < path.Length; i++)
        {
            var c = path[i];
            if (depth == 1 && operatorAt < 0 && c is '!' or '=' or '<' or '>' or '%')
            {
                operatorAt = i;
                continue;
            }
            if (c == '\\')
            {
                i++;
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']' && --depth == 0)
            {
                break;
            }
            else if (c == '"')
            {
                for (i++; i < path.Length && path[i] != '"'; i++)
                {
                    if (path[i] == '\\')
                    {
                        escapedString = true;
                        i++;
                    }
                }
            }
        }
        if (depth > 0)
        {
            error = $"the query at character {start + 1} is not closed";
            return null;
        }
        var innerPath = path[(start + 2)..(operatorAt >= 0 ? operatorAt : i)].Trim();
        var (op, value) = operatorAt >= 0 ? SplitOperator(path[operatorAt..i].Trim()) : ("", "");
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = escapedString ? Unquote(value) : value[1..^1];
        }
        var inner = innerPath.Length == 0 ? [] : Parse(innerPath, out error);
        if (inner is null)
        {
            error = $"in the query at character {start + 1}: {error}";
            return null;
        }
        position = i + 1;
        var all = position < path.Length && path[position] == '#';
        if (all)
        {
            position++;
        }
        return new GjsonStep(all ? GjsonStepKind.QueryAll : GjsonStepKind.Query, piped) { Query = new GjsonQuery(inner, op, value) };
    }

    /// <summary>gjson's operator split: two-character operators first; <c>==</c> is <c>=</c>.</summary>
    private static (string Operator, string Value) SplitOperator(string text)
    {
        var size = text.Length == 1 ? 1
            : text.StartsWith("!=", StringComparison.Ordinal) || text.StartsWith("!%", StringComparison.Ordinal)
              || text.StartsWith("<=", StringComparison.Ordinal) || text.StartsWith(">=", StringComparison.Ordinal) ? 2
            : text.StartsWith("==", StringComparison.Ordinal) ? -1
            : text[0] is '<' or '>' or '=' or '%' ? 1
            : 0;
        return size == -1 ? ("=", text[2..].Trim()) : (text[..size], text[size..].Trim());
    }

    private static string Unquote(string quoted)
    {
        try
        {
            using var document = JsonDocument.Parse(quoted);
            return document.RootElement.GetString() ?? quoted[1..^1];
        }
        catch (JsonException)
        {
            return quoted[1..^1];
        }
    }

    private static string? ModifierName(string path, int position)
    {
        var end = position + 1;
        while (end < path.Length && path[end] is not ('.' or '|' or ':'))
        {
            end++;
        }
        return path[(position + 1)..end];
    }

    private static string Describe(GjsonStep step) => step.Kind switch
    {
        GjsonStepKind.Query or GjsonStepKind.QueryAll => "a query",
        _ => "a component",
    };
}
