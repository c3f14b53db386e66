using System.Globalization;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// The condition of a GJSON query <c>#(path op value)</c>, matched as gjson's queryMatches does: strings
/// compare as strings (<c>%</c> and <c>!%</c> as patterns), numbers as numbers, booleans by their fixed
/// rules; a <c>~</c> value first turns the item into a boolean; no operator tests only that the path exists.
/// </summary>
/// <param name="Path">The path inside each item; empty means the item itself.</param>
/// <param name="Operator">One of <c>= != &lt; &lt;= &gt; &gt;= % !%</c>, or empty for "exists".</param>
/// <param name="Value">The right-hand side, unquoted.</param>
internal sealed record GjsonQuery(IReadOnlyList<GjsonStep> Path, string Operator, string Value)
{
    /// <summary>True when <paramref name="item"/> (one array item) satisfies the condition.</summary>
    public bool Matches(GjsonValue item)
    {
        GjsonValue probe;
        if (item.Type == GjsonType.Json)
        {
            probe = Path.Count == 0 ? GjsonValue.Missing : GjsonPath.Evaluate(Path, item, 0, Path.Count);
        }
        else if (Path.Count > 0)
        {
            return false;
        }
        else
        {
            probe = item;
        }
        return Test(probe);
    }

    private bool Test(GjsonValue value)
    {
        var expected = Value;
        if (expected.StartsWith('~'))
        {
            bool? truth = expected[1..] switch
            {
                "*" => value.Exists,
                "null" => value.Type == GjsonType.Null,
                "true" => TrueIsh(value),
                "false" => FalseIsh(value),
                _ => null,
            };
            if (truth is not { } converted)
            {
                return false;
            }
            expected = "true";
            value = GjsonValue.Boolean(converted);
        }
        if (!value.Exists)
        {
            return false;
        }
        if (Operator.Length == 0)
        {
            return true;
        }
        return value.Type switch
        {
            GjsonType.String => CompareStrings(value.String, expected),
            GjsonType.Number => CompareNumbers(value.Number, ParseNumber(expected)),
            GjsonType.True => Operator switch { "=" => expected == "true", "!=" => expected != "true", ">" => expected == "false", ">=" => true, _ => false },
            GjsonType.False => Operator switch { "=" => expected == "false", "!=" => expected != "false", "<" => expected == "true", "<=" => true, _ => false },
            _ => false,
        };
    }

    private bool CompareStrings(string actual, string expected)
    {
        var order = string.CompareOrdinal(actual, expected);
        return Operator switch
        {
            "=" => order == 0,
            "!=" => order != 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            "%" => WildcardPattern.Matches(actual, expected),
            "!%" => !WildcardPattern.Matches(actual, expected),
            _ => false,
        };
    }

    private bool CompareNumbers(double actual, double expected) => Operator switch
    {
        "=" => actual == expected,
        "!=" => actual != expected,
        "<" => actual < expected,
        "<=" => actual <= expected,
        ">" => actual > expected,
        ">=" => actual >= expected,
        _ => false,
    };

    /// <summary>Go's ParseFloat, whose failure gjson reads as 0.</summary>
    private static double ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static bool TrueIsh(GjsonValue value) => value.Type switch
    {
        GjsonType.True => true,
        GjsonType.String => ParseBool(value.String) == true,
        GjsonType.Number => value.Number != 0,
        _ => false,
    };

    private static bool FalseIsh(GjsonValue value) => value.Type switch
    {
        GjsonType.Null or GjsonType.False => true,
        GjsonType.String => ParseBool(value.String) == false,
        GjsonType.Number => value.Number == 0,
        _ => false,
    };

    /// <summary>Go's strconv.ParseBool of the lower-cased text.</summary>
    private static bool? ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "1" or "t" or "true" => true,
        "0" or "f" or "false" => false,
        _ => null,
    };
}
