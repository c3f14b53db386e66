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
        var reader = new PromQlReader(text);
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
}
