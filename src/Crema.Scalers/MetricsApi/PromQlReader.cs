using System.Globalization;
using System.Text;

namespace Crema.Scalers.MetricsApi;

/// <summary>Reads the parts of a PromQL metric selector; the first problem is kept in <see cref="Error"/> and ends the reading.</summary>
internal sealed class PromQlReader(string text)
{
    public int Position { get; private set; }

    public string? Error { get; private set; }

    public bool AtEnd => Position >= text.Length;

    public char? Peek() => AtEnd ? null : text[Position];

    public void Next() => Position++;

    public bool TryTake(char c)
    {
        if (Peek() != c)
        {
            return false;
        }
        Position++;
        return true;
    }

    public void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(text[Position]))
        {
            Position++;
        }
    }

    public string Fail(string message)
    {
        Error ??= message;
        Position = text.Length;
        return "";
    }

    /// <summary>A metric name ([a-zA-Z_:][a-zA-Z0-9_:]*) or a label name ([a-zA-Z_][a-zA-Z0-9_]*).</summary>
    public string Identifier(bool metric)
    {
        var start = Position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(text[Position]) || text[Position] == '_' || (metric && text[Position] == ':')))
        {
            Position++;
        }
        return Position > start && !char.IsAsciiDigit(text[start]) ? text[start..Position] : Fail($"expects a name at character {start + 1}");
    }

    public string? Operator()
    {
        foreach (var op in new[] { "=~", "!~", "!=", "=" })
        {
            if (string.CompareOrdinal(text, Position, op, 0, op.Length) == 0)
            {
                Position += op.Length;
                return op;
            }
        }
        Fail($"expects =, !=, =~ or !~ at character {Position + 1}");
        return null;
    }

    /// <summary>A PromQL string: "..." or '...' with Go escapes, or `raw`.</summary>
    public string Quoted()
    {
        var quote = Peek();
        if (quote is not ('"' or '\'' or '`'))
        {
            return Fail($"expects a quoted string at character {Position + 1}");
        }
        var value = new StringBuilder();
        for (Position++; !AtEnd; Position++)
        {
            var c = text[Position];
            if (c == quote)
            {
                Position++;
                return value.ToString();
            }
            if (c == '\\' && quote != '`')
            {
                if (!Escape(value))
                {
                    return Fail($"has an invalid escape at character {Position + 1}");
                }
                continue;
            }
            value.Append(c);
        }
        return Fail("has an unterminated string");
    }

    private bool Escape(StringBuilder value)
    {
        if (++Position >= text.Length)
        {
            return false;
        }
        var c = text[Position];
        var simple = c switch { 'a' => '\a', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', 'v' => '\v', '\\' => '\\', '\'' => '\'', '"' => '"', _ => (char?)null };
        if (simple is { } s)
        {
            value.Append(s);
            return true;
        }
        var length = c switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (length == 0 || Position + length >= text.Length
            || !int.TryParse(text.AsSpan(Position + 1, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || !Rune.IsValid(code))
        {
            return false;
        }
        value.Append(new Rune(code).ToString());
        Position += length;
        return true;
    }
}
