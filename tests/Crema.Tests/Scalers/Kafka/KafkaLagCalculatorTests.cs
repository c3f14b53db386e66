using Crema.Scalers.Kafka;

namespace Crema.Tests.Scalers.Kafka;

public sealed class KafkaLagCalculatorTests
{
    private static KafkaMetadata Rules(Func<KafkaMetadata, KafkaMetadata>? change = null)
    {
        var rules = new KafkaMetadata { BootstrapServers = [new("b", 9092)], ConsumerGroup = "g", Topic = "t", LagThreshold = 10 };
        return change is null ? rules : change(rules);
    }

    private static PartitionOffsets P(int partition, long committed, long? end) => new(new TopicPartition("t", partition), committed, end);

    public static TheoryData<string, bool, bool, long, long> NoCommitCases => new()
    {
        // name, earliest, scaleToZeroOnInvalidOffset, expected lag, expected lag for activation (end offset 500)
        { "latest keeps one replica", false, false, 1, 1 },
        { "latest scale to zero", false, true, 0, 0 },
        { "earliest counts the whole log", true, false, 500, 500 },
        { "earliest scale to zero", true, true, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(NoCommitCases))]
    public void Compute_NoCommittedOffset_FollowsPolicy(string name, bool earliest, bool scaleToZero, long lag, long withPersistent)
    {
        _ = name;
        var calculator = new KafkaLagCalculator(Rules(r => r with { OffsetResetPolicy = earliest ? OffsetResetPolicy.Earliest : OffsetResetPolicy.Latest, ScaleToZeroOnInvalidOffset = scaleToZero, AllowIdleConsumers = true }));
        var result = calculator.Compute([P(0, -1, 500)]);
        result.TotalLag.ShouldBe(lag);
        result.TotalLagWithPersistent.ShouldBe(withPersistent);
        result.PartitionsWithoutCommit.ShouldBe(1);
    }

    [Fact]
    public void Compute_CommittedOffsets_SumsEndMinusCommitted()
    {
        var result = new KafkaLagCalculator(Rules(r => r with { AllowIdleConsumers = true })).Compute([P(0, 900, 1000), P(1, 450, 500), P(2, 7, 7)]);
        result.TotalLag.ShouldBe(150);
        result.Partitions.ShouldBe(3);
        result.PartitionsWithLag.ShouldBe(2);
    }

    [Fact]
    public void Compute_MissingEndOffsetOrCommitBeyondEnd_CountsZero()
    {
        var result = new KafkaLagCalculator(Rules()).Compute([P(0, 10, null), P(1, 600, 500), P(2, 0, 5)]);
        result.TotalLag.ShouldBe(5);
    }

    [Fact]
    public void Compute_ExcludePersistentLag_ExcludesUnmovedPartitionsButKeepsActivation()
    {
        var calculator = new KafkaLagCalculator(Rules(r => r with { ExcludePersistentLag = true, AllowIdleConsumers = true }));
        var first = calculator.Compute([P(0, 100, 150), P(1, 200, 220)]);
        first.TotalLag.ShouldBe(70);

        var second = calculator.Compute([P(0, 100, 160), P(1, 210, 230)]);
        second.TotalLag.ShouldBe(20);
        second.TotalLagWithPersistent.ShouldBe(80);
        second.PartitionsWithPersistentLag.ShouldBe(1);

        var third = calculator.Compute([P(0, 160, 160), P(1, 210, 230)]);
        third.TotalLag.ShouldBe(0);
        third.TotalLagWithPersistent.ShouldBe(20);
    }

    [Fact]
    public void Compute_PersistentLagWithoutTheOption_CountsEveryPoll()
    {
        var calculator = new KafkaLagCalculator(Rules(r => r with { AllowIdleConsumers = true }));
        calculator.Compute([P(0, 100, 150)]);
        calculator.Compute([P(0, 100, 150)]).TotalLag.ShouldBe(50);
    }

    [Theory]
    // partitions 3, threshold 10: lag 1000 would ask 100 replicas, capped at 3 * 10
    [InlineData(false, 1000, 30)]
    [InlineData(true, 1000, 1000)]
    [InlineData(false, 25, 25)]
    [InlineData(false, 30, 30)]
    [InlineData(false, 39, 39)]
    [InlineData(false, 40, 30)]
    public void Compute_PartitionCap_LimitsUnlessIdleConsumersAllowed(bool allowIdle, long lag, long expected)
    {
        var calculator = new KafkaLagCalculator(Rules(r => r with { AllowIdleConsumers = allowIdle }));
        var result = calculator.Compute([P(0, 0, lag), P(1, 0, 0), P(2, 0, 0)]);
        result.TotalLag.ShouldBe(expected);
        result.TotalLagWithPersistent.ShouldBe(lag);
    }

    [Fact]
    public void Compute_LimitToPartitionsWithLag_CapsAtLaggingPartitions()
    {
        var calculator = new KafkaLagCalculator(Rules(r => r with { LimitToPartitionsWithLag = true }));
        var result = calculator.Compute([P(0, 0, 500), P(1, 0, 0), P(2, 0, 0), P(3, 0, 0)]);
        result.TotalLag.ShouldBe(10);
    }

    [Theory]
    // 12 partitions, threshold 10: factors 1 2 3 4 6 12
    [InlineData(0, 10)]
    [InlineData(5, 10)]
    [InlineData(25, 30)]
    [InlineData(31, 40)]
    [InlineData(45, 60)]
    [InlineData(61, 120)]
    [InlineData(5000, 120)]
    public void Compute_EvenDistribution_RoundsUpToFactorOfPartitionCount(long lag, long expected)
    {
        var calculator = new KafkaLagCalculator(Rules(r => r with { EnsureEvenDistributionOfPartitions = true }));
        var offsets = Enumerable.Range(0, 12).Select(p => P(p, 0, p == 0 ? lag : 0)).ToArray();
        calculator.Compute(offsets).TotalLag.ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, 6, 10, 1)]
    [InlineData(11, 6, 10, 2)]
    [InlineData(21, 6, 10, 3)]
    [InlineData(31, 6, 10, 6)]
    [InlineData(5, 7, 1, 7)]
    [InlineData(5, 0, 1, 0)]
    public void NextFactor_Table(long lag, long partitions, long threshold, long expected) =>
        KafkaLagCalculator.NextFactor(lag, partitions, threshold).ShouldBe(expected);
}
