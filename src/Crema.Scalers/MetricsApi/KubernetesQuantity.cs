using System.Globalization;
using System.Numerics;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// Reads a Kubernetes quantity string as KEDA's metrics-api does with a string it finds at valueLocation:
/// k8s.io/apimachinery's <c>resource.ParseQuantity</c>, then <c>AsApproximateFloat64</c>. Its grammar
/// (a signed decimal, then a decimal suffix n u m k M G T P E, a binary suffix Ki..Ei or an exponent e3),
/// its quirks ("+", "-" and "." are 0; more than nine decimals round up, away from zero; binary amounts
/// stop at 2^63-1) and its float arithmetic are reproduced, so both read the same number from the same text.
/// </summary>
internal static class KubernetesQuantity
{
    private const int MaxInt64Factors = 18;
    private const int NanoScale = -9;
    private const string SuffixCharacters = "eEinumkKMGTP";

    private static readonly BigInteger MaxAllowed = long.MaxValue;

    /// <summary>The approximate value of <paramref name="text"/>; false when it is not a quantity.</summary>
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }
        if (text == "0")
        {
            return true;
        }
        if (!Scan(text, out var parts) || !Interpret(parts.Suffix, out var binary, out var exponent))
        {
            return false;
        }
        if (TryFastPath(parts, binary, exponent, out value))
        {
            return true;
        }
        return TrySlowPath(parts, binary, exponent, out value);
    }

    /// <summary>Small amounts fit an int64 times a power of ten, as apimachinery's int64Amount.</summary>
    private static bool TryFastPath(QuantityParts parts, bool binary, int exponent, out double value)
    {
        value = 0;
        var scale = 0;
        var mantissa = 1L;
        int precision;
        if (binary)
        {
            if (exponent >= 0 && parts.Denominator.Length == 0)
            {
                mantissa <<= exponent;
                precision = 15 - parts.Numerator.Length - (int)((float)exponent * 3 / 10) - 1;
            }
            else
            {
                precision = -1;
            }
        }
        else
        {
            scale = exponent;
            precision = MaxInt64Factors - (parts.Numerator.Length + parts.Denominator.Length);
        }
        if (precision < 0)
        {
            return false;
        }
        scale -= parts.Denominator.Length;
        if (scale < NanoScale)
        {
            return false;
        }
        if (!long.TryParse(parts.Numerator + parts.Denominator, NumberStyles.None, CultureInfo.InvariantCulture, out var shifted))
        {
            return false;
        }
        long result;
        try
        {
            result = checked(shifted * mantissa);
        }
        catch (OverflowException)
        {
            return false;
        }
        if (!parts.Positive)
        {
            result = -result;
        }
        value = scale == 0 ? result : result * GoMath.Pow10(scale);
        return true;
    }

    /// <summary>Everything else goes through an arbitrary-precision decimal rounded up to nano units.</summary>
    private static bool TrySlowPath(QuantityParts parts, bool binary, int exponent, out double value)
    {
        value = 0;
        var digits = parts.Value.TrimStart('+', '-').Replace(".", "", StringComparison.Ordinal);
        var dot = parts.Value.IndexOf('.', StringComparison.Ordinal);
        var scale = dot < 0 ? 0 : parts.Value.Length - dot - 1;
        if (digits.Length == 0 || !BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var unscaled))
        {
            return false;
        }
        if (binary)
        {
            unscaled *= BigInteger.One << exponent;
        }
        else
        {
            scale -= exponent;
        }
        if (!unscaled.IsZero)
        {
            (unscaled, scale) = RoundUpToNano(unscaled, scale);
        }
        // Binary amounts are capped at 2^63-1 (apimachinery's maxAllowed); scale is 9 here unless the amount is 0.
        if (binary && unscaled > MaxAllowed * BigInteger.Pow(10, Math.Max(0, scale)))
        {
            (unscaled, scale) = (MaxAllowed, 0);
        }
        var magnitude = double.Parse(unscaled.ToString(CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture);
        var signed = parts.Positive ? magnitude : -magnitude;
        value = scale == 0 ? signed : signed * GoMath.Pow10(-scale);
        return true;
    }

    /// <summary>inf.Dec.Round(x, 9, RoundUp): the scale becomes exactly 9; dropped digits round away from zero.</summary>
    private static (BigInteger Unscaled, int Scale) RoundUpToNano(BigInteger unscaled, int scale)
    {
        const int target = -NanoScale;
        if (scale <= target)
        {
            return (unscaled * BigInteger.Pow(10, target - scale), target);
        }
        var divisor = BigInteger.Pow(10, scale - target);
        var quotient = BigInteger.DivRem(unscaled, divisor, out var remainder);
        return (remainder.IsZero ? quotient : quotient + 1, target);
    }

    /// <summary>The suffix's base and power: decimal SI, binary SI, or a decimal exponent (e3, E-2).</summary>
    private static bool Interpret(string suffix, out bool binary, out int exponent)
    {
        binary = false;
        exponent = suffix switch
        {
            "" => 0,
            "n" => -9,
            "u" => -6,
            "m" => -3,
            "k" => 3,
            "M" => 6,
            "G" => 9,
            "T" => 12,
            "P" => 15,
            "E" => 18,
            _ => int.MinValue,
        };
        if (exponent != int.MinValue)
        {
            return true;
        }
        exponent = suffix switch { "Ki" => 10, "Mi" => 20, "Gi" => 30, "Ti" => 40, "Pi" => 50, "Ei" => 60, _ => int.MinValue };
        if (exponent != int.MinValue)
        {
            binary = true;
            return true;
        }
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && long.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            exponent = unchecked((int)parsed); // Go's int32(parsed)
            return true;
        }
        return false;
    }

    /// <summary>apimachinery's parseQuantityString: sign, numerator (leading zeros dropped), denominator, suffix.</summary>
    private static bool Scan(string text, out QuantityParts parts)
    {
        var positive = true;
        var position = 0;
        if (text[0] == '-')
        {
            positive = false;
            position++;
        }
        else if (text[0] == '+')
        {
            position++;
        }
        while (position < text.Length && text[position] == '0')
        {
            position++;
        }
        if (position >= text.Length)
        {
            parts = new QuantityParts(positive, "0", "0", "", "");
            return true;
        }
        var start = position;
        position = SkipDigits(text, position);
        var numerator = position == start ? "0" : text[start..position];
        var denominator = "";
        if (position < text.Length && text[position] == '.')
        {
            var denominatorStart = ++position;
            position = SkipDigits(text, position);
            denominator = text[denominatorStart..position];
        }
        var value = text[..position];
        var suffixStart = position;
        while (position < text.Length && SuffixCharacters.Contains(text[position], StringComparison.Ordinal))
        {
            position++;
        }
        if (position < text.Length && text[position] is '+' or '-')
        {
            position++;
        }
        position = SkipDigits(text, position);
        parts = new QuantityParts(positive, value, numerator, denominator, text[suffixStart..]);
        return position == text.Length;
    }

    private static int SkipDigits(string text, int position)
    {
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }
        return position;
    }

    private readonly record struct QuantityParts(bool Positive, string Value, string Numerator, string Denominator, string Suffix);
}
