using System.Globalization;
using Crema.Scalers.MetricsApi;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>
/// Quantity strings read as KEDA reads them. The expected values were printed by k8s.io/apimachinery v0.36.0 itself
/// (resource.ParseQuantity(s).AsApproximateFloat64(), formatted with strconv 'g' -1), so each is Go's exact float.
/// </summary>
public sealed class MetricsApiQuantityTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("12", "12")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.23", "1.23")]
    [InlineData("10m", "0.01")]
    [InlineData("250m", "0.25")]
    [InlineData("250u", "0.00025")]
    [InlineData("5n", "5e-09")]
    [InlineData("1.5n", "2e-09")]
    [InlineData("1k", "1000")]
    [InlineData("1.5k", "1500")]
    [InlineData("1Ki", "1024")]
    [InlineData("1.5Ki", "1536")]
    [InlineData("10Mi", "1.048576e+07")]
    [InlineData("1Gi", "1.073741824e+09")]
    [InlineData("1Ei", "1.152921504606847e+18")]
    [InlineData("8Ei", "9.223372036854776e+18")]
    [InlineData("16Ei", "9.223372036854776e+18")]
    [InlineData("1e3", "1000")]
    [InlineData("1E3", "1000")]
    [InlineData("1e+3", "1000")]
    [InlineData("1e-3", "0.001")]
    [InlineData("5e-2", "0.05")]
    [InlineData("1E", "1e+18")]
    [InlineData("1E1", "10")]
    [InlineData("2.5E", "2.5e+18")]
    [InlineData(".", "0")]
    [InlineData("+", "0")]
    [InlineData("-", "0")]
    [InlineData("-0", "0")]
    [InlineData("000", "0")]
    [InlineData("0.0", "0")]
    [InlineData(".5", "0.5")]
    [InlineData("1.", "1")]
    [InlineData("-100m", "-0.1")]
    [InlineData("+2", "2")]
    [InlineData("1.0000000001", "1.000000001")]
    [InlineData("0.0000000001", "1e-09")]
    [InlineData("123456789012345678901234567890", "1.234567890123457e+29")]
    [InlineData("1234567890123456789", "1.234567890123457e+18")]
    [InlineData("0.1234567890123", "0.12345679000000001")]
    [InlineData("9.99999999999999999999", "10")]
    [InlineData("1e400", "+Inf")]
    [InlineData("1e-400", "1e-09")]
    [InlineData("1e308", "1e+308")]
    [InlineData("64", "64")]
    [InlineData("1.G", "1e+09")]
    [InlineData("1e99999999999", "+Inf")]
    [InlineData("-1.5Ki", "-1536")]
    [InlineData("3.14159265358979323846264338327950288", "3.141592654")]
    public void TryParse_AsApimachinery_SameFloatBitForBit(string text, string goValue)
    {
        var expected = goValue == "+Inf" ? double.PositiveInfinity : double.Parse(goValue, NumberStyles.Float, CultureInfo.InvariantCulture);

        KubernetesQuantity.TryParse(text, out var value).ShouldBeTrue();

        BitConverter.DoubleToInt64Bits(value).ShouldBe(BitConverter.DoubleToInt64Bits(expected), $"{text}: {value:R} != {goValue}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1K")]
    [InlineData("1ki")]
    [InlineData("1e")]
    [InlineData("NaN")]
    [InlineData("abc")]
    [InlineData("0.05 ")]
    [InlineData("5%")]
    [InlineData("1mi")]
    [InlineData("..5")]
    [InlineData("1.5.5")]
    [InlineData("12e3k")]
    [InlineData("2001-12-14")]
    public void TryParse_NotAQuantity_False(string text) =>
        KubernetesQuantity.TryParse(text, out _).ShouldBeFalse();

    /// <summary>Values printed by Go's math.Pow10.</summary>
    [Theory]
    [InlineData(0, "1")]
    [InlineData(-9, "1e-09")]
    [InlineData(22, "1e+22")]
    [InlineData(23, "1e+23")]
    // Go's table arithmetic is not always the nearest double: 1e-30 comes out one ulp low.
    [InlineData(-30, "9.999999999999999e-31")]
    [InlineData(-100, "9.999999999999999e-101")]
    [InlineData(-323, "1e-323")]
    [InlineData(308, "1e+308")]
    [InlineData(309, "+Inf")]
    [InlineData(-324, "0")]
    public void Pow10_MatchesGo(int n, string goValue)
    {
        var expected = goValue == "+Inf" ? double.PositiveInfinity : double.Parse(goValue, NumberStyles.Float, CultureInfo.InvariantCulture);

        GoMath.Pow10(n).ShouldBe(expected);
    }
}
