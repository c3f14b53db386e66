using Crema.Core.Explain;

namespace Crema.Tests.Explain;

public sealed class TriggerThresholdsTests
{
    [Theory]
    [InlineData(0.0, "value > 0")]
    [InlineData(5.0, "value > 5")]
    [InlineData(0.3, "value > 0.3")]
    [InlineData(1e-9, "value > 1E-09")]
    [InlineData(123456.75, "value > 123456.75")]
    public void ActivationRule_AboveAThreshold_NamesItExactly(double threshold, string expected)
    {
        TriggerThresholds.ActivationRule(v => v > threshold).ShouldBe(expected);
    }

    [Theory]
    [InlineData(1.0, "value >= 1")]
    [InlineData(25.0, "value >= 25")]
    public void ActivationRule_AtLeastAThreshold_SaysAtLeast(double threshold, string expected)
    {
        TriggerThresholds.ActivationRule(v => v >= threshold).ShouldBe(expected);
    }

    [Fact]
    public void ActivationRule_ActiveAtZero_SaysAlways()
    {
        TriggerThresholds.ActivationRule(_ => true).ShouldBe("always");
    }

    [Fact]
    public void ActivationRule_NeverActive_SaysNever()
    {
        TriggerThresholds.ActivationRule(_ => false).ShouldStartWith("never");
    }
}
