using System.Text;
using Crema.Scalers.Beanstalkd;
using Crema.Scalers.Etcd;
using Crema.Scalers.Etcd.Protocol;
using Crema.Scalers.NatsJetStream;
using Crema.Tests.Scalers.Beanstalkd;
using Crema.Tests.Scalers.Etcd;
using Crema.Tests.Scalers.NatsJetStream;
using Crema.Tests.Support;
using FsCheck.Fluent;
using Google.Protobuf;
using Grpc.Core;

namespace Crema.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    private static string NatsCapture(string name) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Scalers", "NatsJetStream", "Captured", name + ".json"));

    /// <summary>/jsz replies (captured from nats-server) as the scaler reads them, then the lag it would report.</summary>
    private static FuzzTarget NatsJsz()
    {
        string[] seeds = [NatsCapture("standalone-jsz"), NatsCapture("cluster-n1-jsz"), NatsCapture("cluster-n2-jsz"), """{"meta_cluster":{"cluster_size":3},"account_details":[]}"""];
        string[] keys = ["account_details", "id", "name", "stream_detail", "consumer_detail", "num_pending", "num_ack_pending", "cluster", "leader", "meta_cluster", "cluster_size"];
        string[] words = ["$G", "mystream", "pull_consumer", "n1", "n2"];
        var (metadata, errors) = NatsJetStreamTriggers.Bind("");
        errors.ShouldBeEmpty();
        return new FuzzTarget("nats-jsz", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            var view = NatsMonitoringParser.ParseJsz(Encoding.UTF8.GetBytes(text), metadata);
            return view.Consumer is { } consumer && metadata.ToReading(consumer.Lag).Value < 0 ? $"negative lag {consumer.Lag}" : null;
        }, typeof(NatsJetStreamException));
    }

    /// <summary>/varz replies, and the node addresses the leader search builds from their URLs.</summary>
    private static FuzzTarget NatsVarz()
    {
        string[] seeds = [NatsCapture("standalone-varz"), NatsCapture("cluster-n1-varz"), """{"server_name":"n1","connect_urls":["10.0.0.1:4222","[::1]:4222"],"cluster":{"urls":["n2.nats.svc:6222"]}}"""];
        string[] keys = ["server_name", "connect_urls", "cluster", "urls"];
        string[] words = ["n1", "10.0.0.1:4222", "[fe80::1]:4222", "nats-1.nats.svc:6222", "host:"];
        return new FuzzTarget("nats-varz", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            var varz = NatsMonitoringParser.ParseVarz(Encoding.UTF8.GetBytes(text));
            foreach (var url in varz.ConnectUrls)
            {
                _ = Uri.TryCreate(NatsMonitoringUrls.Varz("http", NatsMonitoringUrls.NodeHostPort(url, "nats.svc:8222")), UriKind.Absolute, out _);
            }
            foreach (var url in varz.RouteUrls)
            {
                _ = Uri.TryCreate(NatsMonitoringUrls.Jsz("http", $"{NatsMonitoringUrls.NodeName(url)}.nats.svc:8222", "$G"), UriKind.Absolute, out _);
            }
            return null;
        }, typeof(NatsJetStreamException));
    }

    /// <summary>A whole stats-tube exchange: status line and body as the server sends them, read from the stream.</summary>
    private static FuzzTarget Beanstalkd()
    {
        var captured = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Scalers", "Beanstalkd", "Captured", "stats-tube-jobs.yaml.txt"));
        string[] seeds = [$"OK {Encoding.UTF8.GetByteCount(captured)}\r\n{captured}\r\n", "NOT_FOUND\r\n", "OK 40\r\n---\ncurrent-jobs-ready: 9223372036854775807\n\r\n", "INTERNAL_ERROR\r\n", "OK 5\r\n---\n\r\n"];
        var (metadata, errors) = BeanstalkdTriggers.Bind("includeDelayed=true");
        errors.ShouldBeEmpty();
        var inputs = Gen.Frequency((1, Gen.Elements(seeds)), (8, FuzzInputs.Mutated(seeds, [.. FuzzInputs.EdgeNumbers, "\r\n", "OK ", ": ", "current-jobs-ready: ", "current-jobs-delayed: ", "current-jobs-reserved: "])));
        return new FuzzTarget("beanstalkd", inputs, text =>
        {
            using var stream = new ReplyStream(Encoding.UTF8.GetBytes(text));
            var stats = BeanstalkdClient.ExchangeAsync(stream, metadata, CancellationToken.None).GetAwaiter().GetResult();
            var jobs = metadata.Jobs(stats);
            return jobs < 0 ? $"a negative job count {jobs} ({stats})" : null;
        }, typeof(BeanstalkdException));
    }

    /// <summary>Range and Watch replies as protobuf bytes, read as the scaler and its watch read them.</summary>
    private static FuzzTarget EtcdReplies()
    {
        var range = new RangeResponse { Count = 1 };
        range.Kvs.Add(new KeyValue { Key = ByteString.CopyFromUtf8("length"), Value = ByteString.CopyFromUtf8("5.5") });
        var watch = new WatchResponse { Created = true, Canceled = true, CancelReason = "etcdserver: mvcc: required revision has been compacted" };
        watch.Events.Add(new Event { Kv = new KeyValue { Key = ByteString.CopyFromUtf8("length"), Value = ByteString.CopyFromUtf8("-Inf") } });
        string[] seeds = [FuzzInputs.Latin1(range.ToByteArray()), FuzzInputs.Latin1(watch.ToByteArray())];
        var inputs = Gen.Frequency((1, Gen.Elements(seeds)), (6, FuzzInputs.Mutated(seeds, BinaryTokens)), (2, FuzzInputs.Bytes()));
        var errors = new EtcdErrors(EtcdMetadataWithPassword());
        return new FuzzTarget("etcd-grpc", inputs, text =>
        {
            var bytes = FuzzInputs.FromLatin1(text);
            var reply = RangeResponse.Parser.ParseFrom(bytes);
            var problem = reply.Kvs.Count > 0 && EtcdValue.Parse(reply.Kvs[0].Value.Span, out var error) is null ? Clean(error!, "the value error") : null;
            var changes = WatchResponse.Parser.ParseFrom(bytes);
            foreach (var change in changes.Events)
            {
                _ = change.Kv is null ? 0 : EtcdValue.Parse(change.Kv.Value.Span, out _) ?? 0;
            }
            return problem ?? Clean(errors.Clean(changes.CancelReason), "the cancel reason");
        }, typeof(InvalidProtocolBufferException));
    }

    /// <summary>What an etcd server says when a call fails (status detail), echoing the trigger's password.</summary>
    private static FuzzTarget EtcdError()
    {
        string[] seeds =
        [
            "etcdserver: authentication failed, invalid user ID or password",
            "etcdserver: user name is empty",
            $"etcdserver: permission denied for user {FuzzOracle.User} password {FuzzOracle.Secret}",
            "connection error: desc = \"transport: Error while dialing: dial tcp 10.0.0.1:2379: connect: connection refused\"",
        ];
        var metadata = EtcdMetadataWithPassword();
        var errors = new EtcdErrors(metadata);
        var codes = Enum.GetValues<StatusCode>();
        return new FuzzTarget("etcd-error", FuzzInputs.Mutated(seeds, ["\u001b[2J", "\r\n", "\u2028", FuzzOracle.Secret, "did not complete the HTTP/2 handshake"]), text =>
        {
            var status = new Status(codes[text.Length % codes.Length], text, text.Length % 3 == 0 ? new HttpRequestException(text) : null);
            var failed = errors.Failed(metadata.Endpoints[0], "Range \"length\"", new RpcException(status));
            return Clean(failed.Message, "the etcd error");
        });
    }

    private static EtcdMetadata EtcdMetadataWithPassword()
    {
        var (metadata, errors) = EtcdTriggers.Bind("", $"username={FuzzOracle.User}|password={FuzzOracle.Secret}");
        errors.ShouldBeEmpty();
        return metadata;
    }
}
