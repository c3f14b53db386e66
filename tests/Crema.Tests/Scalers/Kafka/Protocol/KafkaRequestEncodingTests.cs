using Crema.Scalers.Kafka.Protocol;

namespace Crema.Tests.Scalers.Kafka.Protocol;

/// <summary>
/// Request bodies byte for byte, per the BNF of kafka.apache.org/protocol. Every expected string
/// was also produced by Debian's python3-kafka encoders (kafka.protocol.*) for the same values.
/// </summary>
public sealed class KafkaRequestEncodingTests
{
    private const string Orders = "0006 6f7264657273"; // STRING "orders"
    private const string G1 = "0002 6731"; // STRING "g1"

    private static string Encode<T>(IKafkaRequest<T> request, short version)
    {
        var writer = new KafkaWriter();
        request.Write(writer, version);
        return Hex.Of(writer.ToArray());
    }

    [Theory]
    [InlineData(1, "00000001 | " + Orders)]
    [InlineData(3, "00000001 | " + Orders)]
    [InlineData(4, "00000001 | " + Orders + " | 00")]
    [InlineData(8, "00000001 | " + Orders + " | 00 | 00 00")]
    public void Metadata_OneTopic_EncodesPerVersion(short version, string expected) =>
        Encode(new MetadataRequest(["orders"]), version).ShouldBe(Hex.Normalize(expected));

    [Fact]
    public void Metadata_AllTopics_EncodesNullArray() =>
        Encode(new MetadataRequest(null), 1).ShouldBe("ffffffff");

    [Theory]
    [InlineData(0, G1)]
    [InlineData(1, G1 + " | 00")]
    [InlineData(2, G1 + " | 00")]
    public void FindCoordinator_Group_EncodesKeyAndType(short version, string expected) =>
        Encode(new FindCoordinatorRequest("g1"), version).ShouldBe(Hex.Normalize(expected));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void OffsetFetch_Partitions_EncodesGroupTopicsAndIds(short version) =>
        Encode(new OffsetFetchRequest("g1", new Dictionary<string, IReadOnlyList<int>> { ["orders"] = [0, 1] }), version)
            .ShouldBe(Hex.Normalize(G1 + " | 00000001 | " + Orders + " | 00000002 00000000 00000001"));

    [Fact]
    public void OffsetFetch_AllTopics_EncodesNullArrayAndNeedsV2()
    {
        var request = new OffsetFetchRequest("g1", null);
        Encode(request, 3).ShouldBe(Hex.Normalize(G1 + " | ffffffff"));
        request.Versions.Min.ShouldBe((short)2);
    }

    [Theory]
    [InlineData(1, "ffffffff | 00000001 | " + Orders + " | 00000002 | 00000000 ffffffffffffffff | 00000001 ffffffffffffffff")]
    [InlineData(2, "ffffffff | 00 | 00000001 | " + Orders + " | 00000002 | 00000000 ffffffffffffffff | 00000001 ffffffffffffffff")]
    [InlineData(4, "ffffffff | 00 | 00000001 | " + Orders + " | 00000002 | 00000000 ffffffff ffffffffffffffff | 00000001 ffffffff ffffffffffffffff")]
    [InlineData(5, "ffffffff | 00 | 00000001 | " + Orders + " | 00000002 | 00000000 ffffffff ffffffffffffffff | 00000001 ffffffff ffffffffffffffff")]
    public void ListOffsets_Latest_EncodesReplicaIsolationEpochAndTimestamp(short version, string expected) =>
        Encode(new ListOffsetsRequest([new("orders", 1), new("orders", 0)]), version).ShouldBe(Hex.Normalize(expected));

    [Fact]
    public void ApiVersions_V0_HasEmptyBody() => Encode(ApiVersionsRequest.Instance, 0).ShouldBe("");

    [Fact]
    public void SaslHandshake_Plain_EncodesMechanism() =>
        Encode(new SaslHandshakeRequest("PLAIN"), 1).ShouldBe(Hex.Normalize("0005 504c41494e"));

    [Fact]
    public void SaslAuthenticate_Token_EncodesBytes() =>
        Encode(new SaslAuthenticateRequest([1, 2]), 0).ShouldBe(Hex.Normalize("00000002 0102"));

    [Fact]
    public void Frame_ApiVersions_HasSizeAndHeaderV1()
    {
        var connection = new KafkaConnection(Stream.Null, new BrokerEndpoint("b1", 9092), new KafkaConnectionOptions());
        var frame = connection.Frame(ApiVersionsRequest.Instance, 0, 7);
        // size=15 | api_key=18 | api_version=0 | correlation_id=7 | client_id="crema"
        Hex.Of(frame).ShouldBe(Hex.Normalize("0000000f | 0012 | 0000 | 00000007 | 0005 6372656d61"));
    }
}
