using Crema.Scalers.Kafka.Protocol;

namespace Crema.Tests.Scalers.Kafka.Protocol;

/// <summary>
/// Response bodies (after the correlation id) decoded per the BNF of kafka.apache.org/protocol;
/// the v1/v5 Metadata, v3 OffsetFetch, v1/v4 ListOffsets, v0/v1 FindCoordinator and v0
/// ApiVersions bytes are python3-kafka's encodings of the same values.
/// </summary>
public sealed class KafkaResponseDecodingTests
{
    private const string Orders = "0006 6f7264657273";
    private const string B1 = "0002 6231";

    [Fact]
    public void ApiVersions_V0_ReadsRanges()
    {
        var response = ApiVersionsResponse.Read(new KafkaReader(Hex.Bytes("0000 | 00000002 | 0003 0000 000c | 0009 0001 0009")));
        response.ErrorCode.ShouldBe((short)0);
        response.Versions[3].ShouldBe(new VersionRange(0, 12));
        response.Versions[9].ShouldBe(new VersionRange(1, 9));
    }

    public static TheoryData<short, string> MetadataExamples => new()
    {
        // brokers [node_id host port rack] | controller_id | topics [error name is_internal partitions [error index leader replicas isr]]
        { 1, $"00000001 | 00000001 {B1} 00002384 ffff | 00000001 | 00000001 | 0000 {Orders} 00 | 00000001 | 0000 00000000 00000001 | 00000001 00000001 | 00000001 00000001" },
        // v2: + cluster_id "abc"
        { 2, $"00000001 | 00000001 {B1} 00002384 0002 7231 | 0003 616263 | 00000001 | 00000001 | 0000 {Orders} 00 | 00000001 | 0000 00000000 00000001 | 00000001 00000001 | 00000001 00000001" },
        // v5: + throttle_time_ms first, + offline_replicas
        { 5, $"00000000 | 00000001 | 00000001 {B1} 00002384 0002 7231 | 0003 616263 | 00000001 | 00000001 | 0000 {Orders} 00 | 00000001 | 0000 00000000 00000001 | 00000001 00000001 | 00000001 00000001 | 00000000" },
        // v7: + leader_epoch after leader_id
        { 7, $"00000000 | 00000001 | 00000001 {B1} 00002384 ffff | ffff | 00000001 | 00000001 | 0000 {Orders} 00 | 00000001 | 0000 00000000 00000001 00000003 | 00000001 00000001 | 00000001 00000001 | 00000000" },
        // v8: + topic_authorized_operations, + cluster_authorized_operations
        { 8, $"00000000 | 00000001 | 00000001 {B1} 00002384 ffff | ffff | 00000001 | 00000001 | 0000 {Orders} 00 | 00000001 | 0000 00000000 00000001 00000003 | 00000001 00000001 | 00000001 00000001 | 00000000 | 80000000 | 80000000" },
    };

    [Theory]
    [MemberData(nameof(MetadataExamples))]
    public void Metadata_EachVersion_ReadsBrokersTopicsAndLeaders(short version, string hex)
    {
        var response = MetadataResponse.Read(new KafkaReader(Hex.Bytes(hex)), version);
        response.Brokers.ShouldHaveSingleItem().ShouldBe(new MetadataResponse.Broker(1, "b1", 9092, response.Brokers[0].Rack));
        response.ControllerId.ShouldBe(1);
        var topic = response.Topics.ShouldHaveSingleItem();
        topic.Name.ShouldBe("orders");
        topic.ErrorCode.ShouldBe((short)0);
        var partition = topic.Partitions.ShouldHaveSingleItem();
        partition.Index.ShouldBe(0);
        partition.LeaderId.ShouldBe(1);
        partition.Replicas.ShouldBe([1]);
    }

    [Fact]
    public void Metadata_TopicErrorAndLeaderless_AreReported()
    {
        // v1: one unknown topic (error 3, no partitions), one topic whose partition 1 has no leader (-1, error 5)
        var hex = $"00000000 | 00000001 | 00000002 | 0003 {Orders} 00 00000000 | 0000 0002 7831 00 | 00000001 | 0005 00000001 ffffffff | 00000000 | 00000000";
        var response = MetadataResponse.Read(new KafkaReader(Hex.Bytes(hex)), 1);
        response.Brokers.ShouldBeEmpty();
        response.Topics[0].ErrorCode.ShouldBe((short)KafkaErrorCode.UnknownTopicOrPartition);
        response.Topics[1].Partitions[0].LeaderId.ShouldBe(-1);
        response.Topics[1].Partitions[0].ErrorCode.ShouldBe((short)KafkaErrorCode.LeaderNotAvailable);
    }

    [Fact]
    public void Metadata_TruncatedOrTrailingBytes_Throw()
    {
        var good = $"00000001 | 00000001 {B1} 00002384 ffff | 00000001 | 00000000";
        MetadataResponse.Read(new KafkaReader(Hex.Bytes(good)), 1).Topics.ShouldBeEmpty();
        Should.Throw<KafkaProtocolException>(() => MetadataResponse.Read(new KafkaReader(Hex.Bytes(good)[..^2]), 1));
        Should.Throw<KafkaProtocolException>(() => MetadataResponse.Read(new KafkaReader(Hex.Bytes(good + "00")), 1));
    }

    [Theory]
    [InlineData(0, "0000 | 00000001 | " + B1 + " | 00002384")]
    [InlineData(1, "00000000 | 0000 | ffff | 00000001 | " + B1 + " | 00002384")]
    [InlineData(2, "00000000 | 0000 | ffff | 00000001 | " + B1 + " | 00002384")]
    public void FindCoordinator_EachVersion_ReadsNode(short version, string hex)
    {
        var response = FindCoordinatorResponse.Read(new KafkaReader(Hex.Bytes(hex)), version);
        response.ShouldBe(new FindCoordinatorResponse(0, null, 1, "b1", 9092));
    }

    [Fact]
    public void FindCoordinator_NotAvailable_ReadsErrorAndMessage()
    {
        var response = FindCoordinatorResponse.Read(new KafkaReader(Hex.Bytes("00000000 | 000f | 0002 6e6f | ffffffff | 0000 | ffffffff")), 1);
        response.ErrorCode.ShouldBe((short)KafkaErrorCode.CoordinatorNotAvailable);
        response.ErrorMessage.ShouldBe("no");
    }

    [Theory]
    // topics [name partitions [index committed_offset metadata error]]
    [InlineData(1, "00000001 | " + Orders + " | 00000001 | 00000000 0000000000000384 0000 0000")]
    // v2: + error_code at the end
    [InlineData(2, "00000001 | " + Orders + " | 00000001 | 00000000 0000000000000384 0000 0000 | 0000")]
    // v3: + throttle_time_ms first (python3-kafka's v3 bytes)
    [InlineData(3, "00000000 | 00000001 | " + Orders + " | 00000001 | 00000000 0000000000000384 0000 0000 | 0000")]
    // v5: + committed_leader_epoch after the offset
    [InlineData(5, "00000000 | 00000001 | " + Orders + " | 00000001 | 00000000 0000000000000384 00000002 0000 0000 | 0000")]
    public void OffsetFetch_EachVersion_ReadsCommittedOffsets(short version, string hex)
    {
        var response = OffsetFetchResponse.Read(new KafkaReader(Hex.Bytes(hex)), version);
        response.ErrorCode.ShouldBe((short)0);
        response.Partitions.ShouldHaveSingleItem().ShouldBe(new OffsetFetchResponse.Partition("orders", 0, 900, 0));
    }

    [Fact]
    public void OffsetFetch_NoCommit_ReadsMinusOne()
    {
        var response = OffsetFetchResponse.Read(new KafkaReader(Hex.Bytes("00000001 | " + Orders + " | 00000001 | 00000003 ffffffffffffffff ffff 0000 | 0000")), 2);
        response.Partitions[0].CommittedOffset.ShouldBe(-1);
        response.Partitions[0].Index.ShouldBe(3);
    }

    [Theory]
    // topics [name partitions [index error timestamp offset]]
    [InlineData(1, "00000001 | " + Orders + " | 00000001 | 00000000 0000 ffffffffffffffff 00000000000003e8")]
    // v2: + throttle_time_ms
    [InlineData(2, "00000000 | 00000001 | " + Orders + " | 00000001 | 00000000 0000 ffffffffffffffff 00000000000003e8")]
    // v4: + leader_epoch (python3-kafka's v4 bytes)
    [InlineData(4, "00000000 | 00000001 | " + Orders + " | 00000001 | 00000000 0000 ffffffffffffffff 00000000000003e8 00000005")]
    [InlineData(5, "00000000 | 00000001 | " + Orders + " | 00000001 | 00000000 0000 ffffffffffffffff 00000000000003e8 00000005")]
    public void ListOffsets_EachVersion_ReadsEndOffset(short version, string hex)
    {
        var response = ListOffsetsResponse.Read(new KafkaReader(Hex.Bytes(hex)), version);
        response.Partitions.ShouldHaveSingleItem().ShouldBe(new ListOffsetsResponse.Partition("orders", 0, 0, 1000));
    }

    [Fact]
    public void ListOffsets_NotLeader_ReadsErrorCode()
    {
        var response = ListOffsetsResponse.Read(new KafkaReader(Hex.Bytes("00000001 | " + Orders + " | 00000001 | 00000002 0006 ffffffffffffffff ffffffffffffffff")), 1);
        response.Partitions[0].ErrorCode.ShouldBe((short)KafkaErrorCode.NotLeaderOrFollower);
    }

    [Fact]
    public void SaslResponses_ReadErrorsMechanismsAndTokens()
    {
        var handshake = SaslHandshakeResponse.Read(new KafkaReader(Hex.Bytes("0021 | 00000001 | 0005 504c41494e")));
        handshake.ErrorCode.ShouldBe((short)KafkaErrorCode.UnsupportedSaslMechanism);
        handshake.Mechanisms.ShouldBe(["PLAIN"]);
        var authenticate = SaslAuthenticateResponse.Read(new KafkaReader(Hex.Bytes("0000 | ffff | 00000002 0102 | 0000000000001000")), 1);
        authenticate.AuthBytes.ShouldBe(new byte[] { 1, 2 });
    }

    [Theory]
    [InlineData("1,2,10-12", new[] { 1, 2, 10, 11, 12 })]
    [InlineData(" 3 , 0-1 ", new[] { 0, 1, 3 })]
    public void PartitionLimitation_ListsAndRanges_Expand(string text, int[] expected)
    {
        Crema.Scalers.Kafka.PartitionLimitation.TryParse(text, out var partitions, out _).ShouldBeTrue();
        partitions.ShouldBe(expected);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("5-2")]
    [InlineData("1-2-3")]
    [InlineData("-1")]
    public void PartitionLimitation_Invalid_IsRejected(string text) =>
        Crema.Scalers.Kafka.PartitionLimitation.TryParse(text, out _, out _).ShouldBeFalse();
}
