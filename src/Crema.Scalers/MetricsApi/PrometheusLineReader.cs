using System.Globalization;
using System.Text;

namespace Crema.Scalers.MetricsApi;

/// <summary>Reads one line of a Prometheus text exposition; its errors name the line, never the content around it.</summary>
internal sealed class PrometheusLineReader(string text, int number)
{
    private int position;

    public bool AtEnd => position >= text.Length;

    public char? Peek() => AtEnd ? null : text[position];

    public void Next() => position++;

    public void SkipBlanks()
    {
        while (!AtEnd && text[position] is ' ' or '\t')
        {
            position++;
        }
    }

    public bool TryTake(char c)
    {
        if (Peek() != c)
        {
            return false;
        }
        position++;
        return true;
    }

    public void Expect(char c)
    {
        if (!TryTake(c))
        {
            throw Error($"expected {c}");
        }
    }

    /// <summary>Text up to the next blank.</summary>
    public string Word()
    {
        var start = position;
        while (!AtEnd && text[position] is not (' ' or '\t'))
        {
            position++;
        }
        return text[start..position];
    }

    /// <summary>A metric or label name, plain or quoted.</summary>
    public string Name(bool metric)
    {
        if (Peek() == '"')
        {
            return Quoted();
        }
        var start = position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_' || (metric && text[position] == ':')))
        {
            position++;
        }
        return position > start && !char.IsAsciiDigit(text[start]) ? text[start..position] : throw Error(metric ? "expected a metric name" : "expected a label name");
    }

    /// <summary>A double-quoted string with the format's escapes: \\, \" and \n.</summary>
    public string Quoted()
    {
        Expect('"');
        var value = new StringBuilder();
        while (!AtEnd)
        {
            var c = text[position++];
            if (c == '"')
            {
                return value.ToString();
            }
            if (c == '\\')
            {
                value.Append(AtEnd ? throw Error("an unterminated escape") : text[position++] switch
                {
                    '\\' => '\\',
                    '"' => '"',
                    'n' => '\n',
                    _ => throw Error("an invalid escape in a label value"),
                });
                continue;
            }
            value.Append(c);
        }
        throw Error("an unterminated string");
    }

    public MetricsApiException Error(string what) =>
        new($"metrics-api: the response is not Prometheus text format: line {number.ToString(CultureInfo.InvariantCulture)}: {what}");
}
