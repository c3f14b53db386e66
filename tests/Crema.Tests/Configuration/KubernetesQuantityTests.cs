using Crema.Core.Configuration;

namespace Crema.Tests.Configuration;

public sealed class KubernetesQuantityTests
{
    [Theory]
    [InlineData("0.05", 0.05)]
    [InlineData("50m", 0.05)]
    [InlineData("0", 0)]
    [InlineData(".5", 0.5)]
    [InlineData("1.", 1)]
    [InlineData("+2", 2)]
    [InlineData("-100m", -0.1)]
    [InlineData("5e-2", 0.05)]
    [InlineData("1E1", 10)]
    [InlineData("1k", 1000)]
    [InlineData("1Ki", 1024)]
    [InlineData("250u", 0.00025)]
    public void TryParse_KubernetesQuantity_ApproximateFloat(string text, double expected)
    {
        KubernetesQuantity.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe(expected, tolerance: 1e-12);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0.05 ")]
    [InlineData("5%")]
    [InlineData("1mi")]
    [InlineData("1e")]
    [InlineData("..5")]
    public void TryParse_NotAQuantity_False(string text) =>
        KubernetesQuantity.TryParse(text, out _).ShouldBeFalse();
}
