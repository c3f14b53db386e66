using System.Globalization;
using System.Text;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// <c>format: prometheus</c>'s valueLocation: a PromQL metric selector, <c>name{label="value", ...}</c>, as
/// KEDA parses it (ParseMetricSelector). KEDA then compares every matcher as equality, whatever its operator,
/// so only <c>=</c> is accepted here: <c>!=</c>, <c>=~</c> and <c>!~</c> would silently mean "equals".
/// Names may be quoted (<c>{"my.metric", "a.b"="c"}</c>), as in Prometheus' UTF-8 syntax.
/// </summary>
internal sealed record PrometheusSelector(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels)
{
    public static PrometheusSelector? Parse(string text, out string? error)
    {
        var reader = new Reader(text);
        string? name = null;
        var labels = new List<KeyValuePair<string, string>>();
        reader.SkipSpaces();
        if (reader.Peek() is { } first && (char.IsAsciiLetter(first) || first is '_' or ':'))
        {
            name = reader.Identifier(metric: true);
        }
        reader.SkipSpaces();
        if (reader.Peek() == '{')
        {
            reader.Next();
            while ((error = reader.Error) is null)
            {
                reader.SkipSpaces();
                if (reader.TryTake('}'))
                {
                    break;
                }
                var quoted = reader.Peek() is '"' or '\'' or '`';
                var label = quoted ? reader.Quoted() : reader.Identifier(metric: false);
                reader.SkipSpaces();
                if (quoted && reader.Peek() is ',' or '}')
                {
                    name = name is null ? label : reader.Fail("names the metric twice");
                }
                else
                {
                    var op = reader.Operator();
                    reader.SkipSpaces();
                    var value = reader.Quoted();
                    if (op is not null and not "=")
                    {
                        reader.Fail($"uses {op} on {label}; only = matchers are supported (KEDA's metrics-api compares every matcher as =)");
                    }
                    else if (label == "__name__")
                    {
                        name = name is null ? value : reader.Fail("names the metric twice");
                    }
                    else
                    {
                        labels.Add(KeyValuePair.Create(label, value));
                    }
                }
                reader.SkipSpaces();
                if (!reader.TryTake(',') && reader.Peek() != '}')
                {
                    reader.Fail("expects , or } between label matchers");
                }
            }
        }
        reader.SkipSpaces();
        if (reader.Error is null && !reader.AtEnd)
        {
            reader.Fail($"has unexpected text at character {reader.Position + 1}");
        }
        if (reader.Error is null && string.IsNullOrEmpty(name))
        {
            reader.Fail("names no metric; write metric_name or metric_name{label=\"value\"}");
        }
        error = reader.Error is null ? null : $"\"{text}\" is not a metric selector: it {reader.Error}";
        return error is null ? new PrometheusSelector(name!, labels) : null;
    }

    /// <summary>True when a sample's labels include every matcher's label with exactly its value (KEDA's rule).</summary>
    public bool Matches(IReadOnlyList<KeyValuePair<string, string>> sample) =>
        Labels.All(wanted => sample.Any(l => l.Key == wanted.Key && l.Value == wanted.Value));

    /// <summary>The selector written back, for messages.</summary>
    public override string ToString() =>
        Labels.Count == 0 ? Name : $"{Name}{{{string.Join(", ", Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}";

    private sealed class Reader(string text)
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
}
