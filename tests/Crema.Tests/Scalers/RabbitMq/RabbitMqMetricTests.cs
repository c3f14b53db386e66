using Crema.Scalers.RabbitMq;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>KEDA's GetMetricsAndActivity cases (testQueueInfoTestData, testExpectedQueueConsumptionTimeTestData) and its aggregation tests.</summary>
public sealed class RabbitMqMetricTests
{
    [Theory]
    [InlineData("QueueLength", 4, 0, 0, 0, 4, true)]
    [InlineData("QueueLength", 1, 0, 1, 0, 1, true)]
    [InlineData("QueueLength", 0, 1.4, 2, 0, 0, false)]
    [InlineData("QueueLength", 5, 0, 0, 5, 5, false)]
    [InlineData("MessageRate", 4, 0, 1.3, 0, 0, true)]
    [InlineData("MessageRate", 0, 0, 0, 0, 0, false)]
    [InlineData("MessageRate", 0, 1.4, 0, 0, 1.4, true)]
    [InlineData("MessageRate", 1, 1.4, 1, 0, 1.4, true)]
    [InlineData("DeliverGetRate", 30, 5, 1, 0, 1, true)]
    [InlineData("DeliverGetRate", 0, 0, 0, 0, 0, false)]
    [InlineData("DeliverGetRate", 22, 1.5, 23, 0, 23, true)]
    [InlineData("PublishedToDeliveredRatio", 10, 3, 2, 0, 1.5, true)]
    [InlineData("PublishedToDeliveredRatio", 10, 3, 0, 1, 1, true)]
    [InlineData("PublishedToDeliveredRatio", 10, 0, 2, 0, 0, false)]
    [InlineData("PublishedToDeliveredRatio", 10, 1, 2, 1, 0.5, false)]
    [InlineData("ExpectedQueueConsumptionTime", 0, 0, 0, 1, 0, false)]
    [InlineData("ExpectedQueueConsumptionTime", 0, 0, 2, 1, 0, false)]
    [InlineData("ExpectedQueueConsumptionTime", 10, 3, 0, 1, 1, true)]
    [InlineData("ExpectedQueueConsumptionTime", 10, 3, 2, 1, 5.5, true)]
    [InlineData("ExpectedQueueConsumptionTime", 4, 0, 2, 1, 1, false)]
    public void Compute_KedaCases(string mode, long messages, double publish, double deliver, double activation, double value, bool active) =>
        RabbitMqMetric.Compute(Enum.Parse<RabbitMqMode>(mode), new RabbitMqQueueStats(messages, messages, publish, deliver), activation).ShouldBe((value, active));

    private static readonly RabbitMqQueueStats[] Queues = [new(10, 4, 2, 6), new(20, 8, 4, 2)];

    [Theory]
    [InlineData("Sum", 30, 12, 6, 8)]
    [InlineData("Avg", 15, 6, 3, 4)]
    [InlineData("Max", 20, 8, 4, 6)]
    public void Combine_KedaGetComposedQueue(string operation, long messages, long ready, double publish, double deliver) =>
        RabbitMqQueueStats.Combine(Queues, Enum.Parse<RabbitMqOperation>(operation)).ShouldBe(new RabbitMqQueueStats(messages, ready, publish, deliver));

    [Fact]
    public void Combine_Avg_TruncatesCountsLikeKeda() =>
        RabbitMqQueueStats.Combine([new(5, 3, 1, 3), new(6, 4, 3, 5)], RabbitMqOperation.Avg).ShouldBe(new RabbitMqQueueStats(5, 3, 2, 4));

    [Fact]
    public void Combine_Max_PicksEachFigureIndependently() =>
        RabbitMqQueueStats.Combine([new(30, 5, 1, 9), new(10, 20, 7, 3)], RabbitMqOperation.Max).ShouldBe(new RabbitMqQueueStats(30, 20, 7, 9));

    [Theory]
    [InlineData("Sum")]
    [InlineData("Max")]
    [InlineData("Avg")]
    public void Combine_NoQueues_IsZero(string operation) =>
        RabbitMqQueueStats.Combine([], Enum.Parse<RabbitMqOperation>(operation)).ShouldBe(default);
}
