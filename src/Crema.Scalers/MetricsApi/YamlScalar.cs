using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// One YAML scalar resolved as yaml.v3 resolves it into an <c>interface{}</c>: quoted and tagged-!!str
/// scalars are strings; a plain one is null (<c>~</c>, <c>null</c>, empty), a boolean (<c>true</c>,
/// <c>False</c>...), an integer (decimal, 0x, 0o, 0b or leading-0 octal, underscores dropped), a float
/// (<c>1.5</c>, <c>2e3</c>, <c>.inf</c>, <c>.nan</c>), or else a string. Timestamps stay strings (KEDA
/// rejects them either way).
/// </summary>
internal sealed partial record YamlScalar(YamlScalarKind Kind, string Text, double Number = 0, bool Truth = false)
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    public static YamlScalar Resolve(Scalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.Tag.IsEmpty)
        {
            return scalar.Tag.IsNonSpecific ? new YamlScalar(YamlScalarKind.String, text) : Tagged(scalar.Tag.Value, text);
        }
        return scalar.Style == ScalarStyle.Plain ? Plain(text) : new YamlScalar(YamlScalarKind.String, text);
    }

    /// <summary>The key text KEDA's GetValueByPath compares a path segment with (Go's %v of the decoded key).</summary>
    public string KeyText => Kind switch
    {
        YamlScalarKind.Null => "<nil>",
        YamlScalarKind.Bool => Truth ? "true" : "false",
        YamlScalarKind.Integer => Number.ToString("R", CultureInfo.InvariantCulture),
        _ => Text,
    };

    private static YamlScalar Tagged(string tag, string text)
    {
        var resolved = Plain(text);
        return tag switch
        {
            TagPrefix + "int" or TagPrefix + "float" when resolved.Kind is YamlScalarKind.Integer or YamlScalarKind.Float => resolved,
            TagPrefix + "bool" when resolved.Kind is YamlScalarKind.Bool => resolved,
            TagPrefix + "null" => new YamlScalar(YamlScalarKind.Null, text),
            _ => new YamlScalar(YamlScalarKind.String, text),
        };
    }

    private static YamlScalar Plain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new YamlScalar(YamlScalarKind.Null, text);
            case "true" or "True" or "TRUE":
                return new YamlScalar(YamlScalarKind.Bool, text, Truth: true);
            case "false" or "False" or "FALSE":
                return new YamlScalar(YamlScalarKind.Bool, text, Truth: false);
            case ".nan" or ".NaN" or ".NAN":
                return new YamlScalar(YamlScalarKind.Float, text, double.NaN);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return new YamlScalar(YamlScalarKind.Float, text, double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return new YamlScalar(YamlScalarKind.Float, text, double.NegativeInfinity);
        }
        if (text[0] == '.')
        {
            return TryFloat(text, out var dotted) ? new YamlScalar(YamlScalarKind.Float, text, dotted) : new YamlScalar(YamlScalarKind.String, text);
        }
        if (!char.IsAsciiDigit(text[0]) && text[0] is not ('+' or '-'))
        {
            return new YamlScalar(YamlScalarKind.String, text);
        }
        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (GoInteger(plain, out var integer))
        {
            return new YamlScalar(YamlScalarKind.Integer, text, integer);
        }
        if (YamlFloat().IsMatch(plain) && TryFloat(plain, out var number))
        {
            return new YamlScalar(YamlScalarKind.Float, text, number);
        }
        return new YamlScalar(YamlScalarKind.String, text);
    }

    /// <summary>Go's strconv.ParseInt(s, 0, 64), then ParseUint: an optional sign, then a base prefix or a leading-0 octal.</summary>
    private static bool GoInteger(string text, out double value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('+', '-');
        if (text.Length - digits.Length > 1)
        {
            return false;
        }
        var (radix, body) = digits.Length > 1 && digits[0] == '0'
            ? char.ToLowerInvariant(digits[1]) switch
            {
                'x' => (16, digits[2..]),
                'o' => (8, digits[2..]),
                'b' => (2, digits[2..]),
                _ => (8, digits[1..]),
            }
            : (10, digits);
        if (body.Length == 0)
        {
            return false;
        }
        ulong magnitude = 0;
        foreach (var c in body)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix || magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }
            magnitude = magnitude * (ulong)radix + (ulong)digit;
        }
        if (negative ? magnitude > 1UL << 63 : (text[0] == '+' && magnitude > long.MaxValue))
        {
            return false;
        }
        value = negative ? -(double)magnitude : magnitude;
        return true;
    }

    private static bool TryFloat(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();
}
