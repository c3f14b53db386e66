using System.Text;
using Crema.Scalers.NatsJetStream;
using static Crema.Tests.Scalers.NatsJetStream.NatsJetStreamTriggers;

namespace Crema.Tests.Scalers.NatsJetStream;

public class NatsMonitoringParserTests
{
    private static NatsJetStreamMetadata Metadata(string changes = "") => Bind(changes).Metadata;

    private static NatsJszView Jsz(string json, string changes = "") => NatsMonitoringParser.ParseJsz(Encoding.UTF8.GetBytes(json), Metadata(changes));

    [Fact]
    public void ParseJsz_StandaloneCapture_ReadsPendingAndAckPendingWithoutLeader()
    {
        var view = NatsMonitoringParser.ParseJsz(NatsCaptures.Bytes("standalone-jsz"), Metadata());

        view.ShouldBe(new NatsJszView(0, true, new NatsConsumerLag(3, 2, "")));
        view.Consumer!.Lag.ShouldBe(5);
    }

    [Theory]
    [InlineData("cluster-n1-jsz", 3, 2)]
    [InlineData("cluster-n2-jsz", 5, 0)]
    [InlineData("cluster-n3-jsz", 5, 0)]
    public void ParseJsz_ClusterCaptures_ReadClusterSizeAndTheConsumersLeader(string capture, long pending, long ackPending)
    {
        var view = NatsMonitoringParser.ParseJsz(NatsCaptures.Bytes(capture), Metadata());

        view.ShouldBe(new NatsJszView(3, true, new NatsConsumerLag(pending, ackPending, "n1")));
    }

    [Theory]
    [InlineData("account=$G", true)]
    [InlineData("-account|accountID=$G", true)]
    [InlineData("account=other|accountID=$G", true)]
    [InlineData("account=$G|accountID=other", true)]
    [InlineData("account=other", false)]
    public void ParseJsz_Account_MatchesByIdOrNameAsKeda(string changes, bool found)
    {
        var view = NatsMonitoringParser.ParseJsz(NatsCaptures.Bytes("standalone-jsz"), Metadata(changes));

        view.StreamFound.ShouldBe(found);
        (view.Consumer is not null).ShouldBe(found);
    }

    [Fact]
    public void ParseJsz_OtherConsumerOnly_FindsTheStreamButNoConsumer()
    {
        var view = NatsMonitoringParser.ParseJsz(NatsCaptures.Bytes("standalone-jsz"), Metadata("consumer=pull_consumer_bad"));

        view.ShouldBe(new NatsJszView(0, true, null));
    }

    [Fact]
    public void ParseJsz_OtherStreamOnly_FindsNothing()
    {
        var view = NatsMonitoringParser.ParseJsz(NatsCaptures.Bytes("standalone-jsz"), Metadata("stream=mystreamBad"));

        view.ShouldBe(new NatsJszView(0, false, null));
    }

    // KEDA's mock responses (testNATSJetStreamMockResponses): the shapes json.Marshal writes from its structs.
    [Theory]
    [InlineData("""{"account_details":[{"name":"$G","stream_detail":[{"name":"mystream","consumer_detail":[{"name":"pull_consumer"}]}]}]}""", 0, 0)]
    [InlineData("""{"account_details":[{"name":"$G","stream_detail":[{"name":"mystream","consumer_detail":[{"name":"pull_consumer","num_pending":100}]}]}]}""", 0, 100)]
    [InlineData("""{"meta_cluster":{"cluster_size":3},"account_details":[{"name":"$G","stream_detail":[{"name":"mystream","consumer_detail":[{"name":"pull_consumer","num_pending":100,"cluster":{"leader":"leader"}}]}]}]}""", 3, 100)]
    public void ParseJsz_KedaMockShapes_ReadTheLag(string json, int clusterSize, long lag)
    {
        var view = Jsz(json);

        view.ClusterSize.ShouldBe(clusterSize);
        view.Consumer!.Lag.ShouldBe(lag);
    }

    [Fact]
    public void ParseJsz_EmptyObject_FindsNothing() => Jsz("{}").ShouldBe(new NatsJszView(0, false, null));

    [Fact]
    public void ParseJsz_FirstMatchingConsumer_IsTheOneRead()
    {
        var view = Jsz("""{"account_details":[{"id":"$G","stream_detail":[{"name":"mystream","consumer_detail":[{"name":"pull_consumer","num_pending":1}]},{"name":"mystream","consumer_detail":[{"name":"pull_consumer","num_pending":9}]}]}]}""");

        view.Consumer!.Pending.ShouldBe(1);
    }

    [Theory]
    [InlineData("{invalidJSON}", "the /jsz reply is not valid JSON")]
    [InlineData("[]", "the /jsz reply is not a JSON object")]
    [InlineData("""{"account_details":{}}""", "the /jsz field account_details is not an array")]
    [InlineData("""{"account_details":[1]}""", "the /jsz field account_details is not an array of objects")]
    [InlineData("""{"account_details":[{"name":7}]}""", "the /jsz account field name is not a string")]
    [InlineData("""{"account_details":[{"name":"$G","stream_detail":[{"name":"mystream","consumer_detail":[{"name":"pull_consumer","num_pending":"5"}]}]}]}""", "the /jsz consumer field num_pending is not an integer")]
    [InlineData("""{"account_details":[{"name":"$G","stream_detail":[{"name":"mystream","consumer_detail":[{"name":"pull_consumer","num_pending":1.5}]}]}]}""", "the /jsz consumer field num_pending is not an integer")]
    [InlineData("""{"meta_cluster":{"cluster_size":true}}""", "the /jsz meta_cluster field cluster_size is not an integer")]
    [InlineData("""{"account_details":[{"name":"\ud800"}]}""", "the /jsz account field name is not valid text")]
    public void ParseJsz_MalformedReply_FailsWithItsReason(string json, string message)
    {
        Should.Throw<NatsJetStreamException>(() => Jsz(json)).Message.ShouldBe(message);
    }

    [Fact]
    public void ParseVarz_ClusterCapture_ReadsNameClientAndRouteUrls()
    {
        var varz = NatsMonitoringParser.ParseVarz(NatsCaptures.Bytes("cluster-n2-varz"));

        varz.ServerName.ShouldBe("n2");
        varz.ConnectUrls.ShouldBe(["127.0.0.2:14222", "127.0.0.3:14222", "127.0.0.1:14222"]);
        varz.RouteUrls.ShouldBe(["127.0.0.1:16222", "127.0.0.2:16222", "127.0.0.3:16222"]);
    }

    [Fact]
    public void ParseVarz_StandaloneCapture_HasNoNodes()
    {
        var varz = NatsMonitoringParser.ParseVarz(NatsCaptures.Bytes("standalone-varz"));

        varz.ServerName.ShouldNotBeEmpty();
        varz.ConnectUrls.ShouldBeEmpty();
        varz.RouteUrls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"connect_urls":"a:4222"}""", "the /varz field connect_urls is not an array")]
    [InlineData("""{"connect_urls":[1]}""", "the /varz field connect_urls is not an array of strings")]
    [InlineData("""{"cluster":{"urls":[null]}}""", "the /varz cluster field urls is not an array of strings")]
    [InlineData("""{"server_name":1}""", "the /varz field server_name is not a string")]
    public void ParseVarz_MalformedReply_FailsWithItsReason(string json, string message)
    {
        Should.Throw<NatsJetStreamException>(() => NatsMonitoringParser.ParseVarz(Encoding.UTF8.GetBytes(json))).Message.ShouldBe(message);
    }
}
