using Crema.Scalers.Kafka.Protocol;

namespace Crema.Tests.Scalers.Kafka.Protocol;

public sealed class KafkaClientRetryTests
{
    private static byte[] Metadata(FakeKafkaBroker broker) =>
        new KafkaWriter().Int32(0).Array([broker], (w, b) => w.Int32(1).String(b.Endpoint.Host).Int32(b.Endpoint.Port).NullableString(null))
            .NullableString(null).Int32(1)
            .Array(["orders"], (w, t) => w.Int16(0).String(t).Bool(false).Int32(1).Int16(0).Int32(0).Int32(1).Int32(-1).Int32(0).Int32(0).Int32(0).Int32(0))
            .Int32(0).ToArray();

    [Fact]
    public async Task ListLatestOffsets_NotLeaderOnce_RefreshesMetadataAndRetries()
    {
        var listCalls = 0;
        var metadataCalls = 0;
        FakeKafkaBroker? self = null;
        await using var broker = new FakeKafkaBroker((key, version, _) =>
        {
            switch (key)
            {
                case ApiKey.ApiVersions:
                    return FakeKafkaBroker.ApiVersions(FakeKafkaBroker.Kafka41Versions);
                case ApiKey.Metadata:
                    metadataCalls++;
                    return Metadata(self!);
                case ApiKey.ListOffsets:
                    listCalls++;
                    var error = listCalls == 1 ? KafkaErrorCode.NotLeaderOrFollower : KafkaErrorCode.None;
                    return new KafkaWriter().Int32(0).Array(["orders"], (w, t) => w.String(t).Int32(1).Int32(0).Int16((short)error).Int64(-1).Int64(42).Int32(0)).ToArray();
                default:
                    return null;
            }
        });
        self = broker;
        await using var client = new KafkaClient([broker.Endpoint], new KafkaConnectionOptions());
        var metadata = await client.GetMetadataAsync(["orders"], CancellationToken.None);

        var offsets = await client.ListLatestOffsetsAsync([new TopicPartition("orders", 0)], metadata, CancellationToken.None);

        offsets[new TopicPartition("orders", 0)].ShouldBe(42);
        listCalls.ShouldBe(2);
        metadataCalls.ShouldBe(2);
        client.ConnectionsOpened.ShouldBe(1);
    }

    [Fact]
    public async Task FetchCommittedOffsets_RebalanceThenNotCoordinator_RetriesThenSucceeds()
    {
        var fetches = 0;
        FakeKafkaBroker? self = null;
        await using var broker = new FakeKafkaBroker((key, version, _) =>
        {
            switch (key)
            {
                case ApiKey.ApiVersions:
                    return FakeKafkaBroker.ApiVersions(FakeKafkaBroker.Kafka41Versions);
                case ApiKey.FindCoordinator:
                    return new KafkaWriter().Int32(0).Int16(0).NullableString(null).Int32(1).String(self!.Endpoint.Host).Int32(self.Endpoint.Port).ToArray();
                case ApiKey.OffsetFetch:
                    fetches++;
                    var error = fetches switch { 1 => KafkaErrorCode.RebalanceInProgress, 2 => KafkaErrorCode.NotCoordinator, _ => KafkaErrorCode.None };
                    return new KafkaWriter().Int32(0).Array(["orders"], (w, t) => w.String(t).Int32(1).Int32(0).Int64(7).Int32(-1).NullableString(null).Int16(0)).Int16((short)error).ToArray();
                default:
                    return null;
            }
        });
        self = broker;
        await using var client = new KafkaClient([broker.Endpoint], new KafkaConnectionOptions());

        var committed = await client.FetchCommittedOffsetsAsync("g", null, CancellationToken.None);

        committed.ShouldHaveSingleItem().CommittedOffset.ShouldBe(7);
        fetches.ShouldBe(3);
    }

    [Fact]
    public async Task FetchCommittedOffsets_AuthorizationFailure_FailsWithoutRetry()
    {
        var fetches = 0;
        FakeKafkaBroker? self = null;
        await using var broker = new FakeKafkaBroker((key, version, _) => key switch
        {
            ApiKey.ApiVersions => FakeKafkaBroker.ApiVersions(FakeKafkaBroker.Kafka41Versions),
            ApiKey.FindCoordinator => new KafkaWriter().Int32(0).Int16(0).NullableString(null).Int32(1).String(self!.Endpoint.Host).Int32(self.Endpoint.Port).ToArray(),
            ApiKey.OffsetFetch => new KafkaWriter().Int32(++fetches * 0).Int32(0).Int16((short)KafkaErrorCode.GroupAuthorizationFailed).ToArray(),
            _ => null,
        });
        self = broker;
        await using var client = new KafkaClient([broker.Endpoint], new KafkaConnectionOptions());

        var error = await Should.ThrowAsync<KafkaProtocolException>(() => client.FetchCommittedOffsetsAsync("g", null, CancellationToken.None));

        error.ErrorCode.ShouldBe(KafkaErrorCode.GroupAuthorizationFailed);
        fetches.ShouldBe(1);
    }
}
