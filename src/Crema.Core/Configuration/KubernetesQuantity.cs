using System.Globalization;
using System.Text.RegularExpressions;

namespace Crema.Core.Configuration;

/// <summary>
/// Reads a Kubernetes resource quantity (k8s.io/apimachinery resource.Quantity) as its approximate float, as the HPA
/// reads <c>behavior.*.tolerance</c> with AsApproximateFloat64: a signed decimal number, then a binary suffix
/// (Ki .. Ei), a decimal suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3, E-2). "50m" is 0.05.
/// </summary>
internal static partial class KubernetesQuantity
{
    private static readonly Dictionary<string, double> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = 1,
        ["n"] = 1e-9,
        ["u"] = 1e-6,
        ["m"] = 1e-3,
        ["k"] = 1e3,
        ["M"] = 1e6,
        ["G"] = 1e9,
        ["T"] = 1e12,
        ["P"] = 1e15,
        ["E"] = 1e18,
        ["Ki"] = 1024d,
        ["Mi"] = Math.Pow(1024, 2),
        ["Gi"] = Math.Pow(1024, 3),
        ["Ti"] = Math.Pow(1024, 4),
        ["Pi"] = Math.Pow(1024, 5),
        ["Ei"] = Math.Pow(1024, 6),
    };

    /// <summary>The quantity's value; false when <paramref name="text"/> is not a quantity.</summary>
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        if (text is null)
        {
            return false;
        }
        var match = Grammar().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var number = double.Parse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (match.Groups["exponent"].Success)
        {
            value = number * Math.Pow(10, int.Parse(match.Groups["exponent"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }
        else
        {
            value = number * Suffixes[match.Groups["suffix"].Value];
        }
        return double.IsFinite(value);
    }

    // Kubernetes' grammar: <signedNumber><suffix>; a number may be "1", "1.5", "1." or ".5"; no spaces.
    [GeneratedRegex(@"^(?<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:[eE](?<exponent>[+-]?[0-9]{1,3})|(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|))$")]
    private static partial Regex Grammar();
}
