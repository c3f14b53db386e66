using Crema.Abstractions;
using Crema.Core.Engine;

namespace Crema.Tests.Engine;

public sealed class HpaProposalTests
{
    [Theory]
    [InlineData(42, 10, 1, 5)]
    [InlineData(105, 10, 10, 10)] // ratio 1.05: within tolerance
    [InlineData(110, 10, 10, 10)] // ratio 1.10: the edge is still within tolerance
    [InlineData(111, 10, 10, 12)]
    [InlineData(89, 10, 10, 9)]
    [InlineData(0, 10, 4, 0)]
    [InlineData(1.1, 0.1, 1, 11)] // milli-units avoid 11.000000000000002
    public void ForMetric_AverageValue_IsCeilValueOverTargetOutsideTolerance(double value, double target, int current, int expected) =>
        HpaProposal.ForMetric(MetricType.AverageValue, value, target, current).ShouldBe(expected);

    [Theory]
    [InlineData(15, 10, 4, 6)]
    [InlineData(10.5, 10, 4, 4)]
    [InlineData(5, 10, 4, 2)]
    [InlineData(30, 10, 1, 3)]
    public void ForMetric_Value_IsCeilRatioTimesCurrentOutsideTolerance(double value, double target, int current, int expected) =>
        HpaProposal.ForMetric(MetricType.Value, value, target, current).ShouldBe(expected);

    [Theory]
    [InlineData(MetricType.AverageValue, 7, 3, 7)]
    [InlineData(MetricType.Value, 7, 3, 7)]
    [InlineData(MetricType.AverageValue, 11, 10, 10)] // the fallback metric still goes through the tolerance
    public void ForFallback_ProposesFallbackReplicas(MetricType type, int replicas, int current, int expected) =>
        HpaProposal.ForFallback(type, replicas, 2.5, current).ShouldBe(expected);

    [Fact]
    public void Combine_AllValid_TakesLargest() => HpaProposal.Combine([3, 7, 5], 4).ShouldBe(7);

    [Fact]
    public void Combine_AllFailed_ReturnsNull() => HpaProposal.Combine([null, null], 4).ShouldBeNull();

    // Kubernetes TestScaleUpOneMetricEmpty: CPU proposes 4 at 3 replicas, the external metric fails -> scale to 4.
    [Fact]
    public void Combine_OneFailedOthersScaleUp_ScalesUp() => HpaProposal.Combine([4, null], 3).ShouldBe(4);

    // Kubernetes TestNoScaleDownOneMetricEmpty / TestNoScaleDownOneMetricInvalid: at 5 replicas, CPU would scale
    // down and the other metric is empty or invalid -> no scale down.
    [Fact]
    public void Combine_OneFailedOthersScaleDown_ReturnsNull() => HpaProposal.Combine([3, null], 5).ShouldBeNull();

    [Fact]
    public void Combine_OneFailedOthersHold_KeepsCurrent() => HpaProposal.Combine([5, null], 5).ShouldBe(5);
}
