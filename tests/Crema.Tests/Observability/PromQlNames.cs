using System.Text.RegularExpressions;

namespace Crema.Tests.Observability;

/// <summary>
/// The metric names a PromQL expression reads, found without a PromQL parser: label matchers, strings,
/// ranges and grouping clauses are cut out first, then every identifier left that is not a function
/// call or a keyword is a metric name. Enough for the expressions of the samples (alerts, dashboard).
/// </summary>
internal static partial class PromQlNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset",
        "inf", "nan",
    };

    public static IReadOnlySet<string> Of(string expression)
    {
        var text = Strings().Replace(expression, " ");
        text = Braces().Replace(text, " ");
        text = Brackets().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        return Identifier().Matches(text)
            .Where(m => !m.Groups["call"].Success && !Keywords.Contains(m.Groups["name"].Value.ToLowerInvariant()))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every name a scrape's <c># TYPE</c> lines declare, with a histogram's _bucket, _sum and _count series.</summary>
    public static IReadOnlySet<string> Exposed(string exposition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in TypeLine().Matches(exposition))
        {
            var name = m.Groups["name"].Value;
            names.Add(name);
            if (m.Groups["type"].Value == "histogram")
            {
                names.UnionWith([name + "_bucket", name + "_sum", name + "_count"]);
            }
        }
        return names;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w$.:])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifier();

    [GeneratedRegex("^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>\\w+)$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}
