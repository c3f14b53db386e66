using System.Globalization;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// Reads the Prometheus text exposition format as KEDA does (prometheus/common expfmt's TextParser, which
/// parses the whole body first): lines may be indented, <c># HELP</c> and <c># TYPE</c> come at most once per
/// family and TYPE before its samples; <c>_sum</c>, <c>_count</c> and <c>_bucket</c> lines belong to their
/// summary or histogram; only counter, gauge and untyped samples carry a value. The first sample, in file
/// order, of the selected family whose labels match is the value. Malformed lines are errors naming the line.
/// </summary>
internal static class PrometheusTextFormat
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    /// <summary>The selected value; a <see cref="MetricsApiException"/> when the body is malformed or holds no match.</summary>
    public static double Find(string body, PrometheusSelector selector, string location)
    {
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        double? found = null;
        var lines = body.Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = new PrometheusLineReader(lines[number - 1].TrimEnd('\r'), number);
            line.SkipBlanks();
            if (line.AtEnd)
            {
                continue;
            }
            if (line.Peek() == '#')
            {
                Comment(line, families);
                continue;
            }
            var (name, labels, value) = Sample(line);
            var family = FamilyOf(families, name);
            family.HasSamples = true;
            if (found is null && family.Name == selector.Name && family.Type is "counter" or "gauge" or "untyped" && name == family.Name && selector.Matches(labels))
            {
                found = value;
            }
        }
        if (found is { } result)
        {
            return ValueText.Finite(location, result);
        }
        throw families.TryGetValue(selector.Name, out var wanted) && wanted.HasSamples
            ? ValueText.Missing(location, "prometheus", wanted.Type is "counter" or "gauge" or "untyped"
                ? $"no sample of {selector.Name} has the labels {selector}"
                : $"{selector.Name} is a {wanted.Type}, which has no single value; select a counter, gauge or untyped metric")
            : ValueText.Missing(location, "prometheus", $"metric {selector.Name} not found");
    }

    private static void Comment(PrometheusLineReader line, Dictionary<string, Family> families)
    {
        line.Next();
        line.SkipBlanks();
        var keyword = line.Word();
        if (keyword is not ("HELP" or "TYPE"))
        {
            return;
        }
        line.SkipBlanks();
        var name = line.Name(metric: true);
        var family = FamilyOf(families, name);
        if (keyword == "HELP")
        {
            family.HasHelp = family.HasHelp ? throw line.Error($"a second HELP line for {name}") : true;
            return;
        }
        line.SkipBlanks();
        var type = line.Word().ToLowerInvariant();
        if (!Types.Contains(type))
        {
            throw line.Error($"unknown metric type \"{ValueText.Excerpt(type)}\" for {name}");
        }
        if (family.Typed || family.HasSamples)
        {
            throw line.Error($"a second TYPE line for {name}, or TYPE after its samples");
        }
        family.Type = type;
        family.Typed = true;
    }

    /// <summary>name{labels} value [timestamp], or {"name", labels} value [timestamp].</summary>
    private static (string Name, List<KeyValuePair<string, string>> Labels, double Value) Sample(PrometheusLineReader line)
    {
        string? name = line.Peek() == '{' ? null : line.Name(metric: true);
        var labels = new List<KeyValuePair<string, string>>();
        line.SkipBlanks();
        if (line.TryTake('{'))
        {
            while (true)
            {
                line.SkipBlanks();
                if (line.TryTake('}'))
                {
                    break;
                }
                var quoted = line.Peek() == '"';
                var label = quoted ? line.Quoted() : line.Name(metric: false);
                line.SkipBlanks();
                if (quoted && name is null && line.Peek() is ',' or '}')
                {
                    name = label;
                }
                else
                {
                    line.Expect('=');
                    line.SkipBlanks();
                    labels.Add(KeyValuePair.Create(label, line.Quoted()));
                }
                line.SkipBlanks();
                if (!line.TryTake(',') && line.Peek() != '}')
                {
                    throw line.Error("expected , or } after a label");
                }
            }
        }
        if (name is null)
        {
            throw line.Error("a sample without a metric name");
        }
        line.SkipBlanks();
        var value = ParseValue(line.Word(), line);
        line.SkipBlanks();
        if (!line.AtEnd && !long.TryParse(line.Word(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw line.Error("expected an integer timestamp after the value");
        }
        line.SkipBlanks();
        return line.AtEnd ? (name, labels, value) : throw line.Error("unexpected text after the timestamp");
    }

    /// <summary>expfmt's family lookup: a known family, else the summary or histogram a suffix belongs to, else a new untyped one.</summary>
    private static Family FamilyOf(Dictionary<string, Family> families, string name)
    {
        if (families.TryGetValue(name, out var family))
        {
            return family;
        }
        foreach (var (suffix, types) in new[] { ("_sum", "summary histogram"), ("_count", "summary histogram"), ("_bucket", "histogram") })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && families.TryGetValue(name[..^suffix.Length], out var parent)
                && types.Split(' ').Contains(parent.Type))
            {
                return parent;
            }
        }
        return families[name] = new Family(name);
    }

    /// <summary>Go's ParseFloat as expfmt calls it: decimals, exponents, Inf, +Inf, -Inf and NaN in any case.</summary>
    private static double ParseValue(string text, PrometheusLineReader line) =>
        GoFloat.Parse(text) ?? throw line.Error(text.Length == 0 ? "a sample without a value" : $"\"{ValueText.Excerpt(text)}\" is not a sample value");

    private sealed class Family(string name)
    {
        public string Name { get; } = name;

        public string Type { get; set; } = "untyped";

        public bool Typed { get; set; }

        public bool HasHelp { get; set; }

        public bool HasSamples { get; set; }
    }
}
