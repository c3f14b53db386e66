using Crema.Scalers.AzureQueue;

namespace Crema.Tests.Scalers.AzureQueue;

/// <summary>KEDA's TestAzQueueGetMessageCount rule for visibleonly, as a table.</summary>
public sealed class AzureQueueLengthTests
{
    [Theory]
    [InlineData(0, 0L)]
    [InlineData(10, 10L)]
    [InlineData(31, 31L)]
    [InlineData(32, null)]
    [InlineData(35, null)]
    public void FromPeek_FewerThan32_IsTheCountElseFallsBackToTheApproximateCount(int peeked, long? expected)
    {
        AzureQueueLength.FromPeek(peeked).ShouldBe(expected);
    }
}
