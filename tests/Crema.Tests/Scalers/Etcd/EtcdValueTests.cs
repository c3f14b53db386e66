using System.Text;
using Crema.Scalers.Etcd;

namespace Crema.Tests.Scalers.Etcd;

/// <summary>Values read as Go's strconv.ParseFloat reads them (KEDA parses the raw bytes of the key).</summary>
public sealed class EtcdValueTests
{
    [Theory]
    [InlineData("5", 5.0)]
    [InlineData("-2.5", -2.5)]
    [InlineData("+.5", 0.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1E-2", 0.01)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("-infinity", double.NegativeInfinity)]
    public void Parse_GoFloatText_ReadsTheNumber(string text, double expected)
    {
        EtcdValue.Parse(Encoding.UTF8.GetBytes(text), out var error).ShouldBe(expected);
        error.ShouldBeNull();
    }

    [Fact]
    public void Parse_NaN_IsANumberAsInGo()
    {
        double.IsNaN(EtcdValue.Parse("NaN"u8, out _).ShouldNotBeNull()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("", "the value is empty, not a number")]
    [InlineData(" 5", "the value \" 5\" is not a number")]
    [InlineData("1,000", "the value \"1,000\" is not a number")]
    [InlineData("five", "the value \"five\" is not a number")]
    [InlineData("0x10", "the value \"0x10\" is not a number")]
    public void Parse_NotANumber_SaysWhy(string text, string expected)
    {
        EtcdValue.Parse(Encoding.UTF8.GetBytes(text), out var error).ShouldBeNull();
        error.ShouldBe(expected);
    }
}
