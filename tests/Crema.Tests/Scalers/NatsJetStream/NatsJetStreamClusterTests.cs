using Crema.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Scalers.NatsJetStream;

/// <summary>
/// The clustered path (KEDA's getNATSJetstreamMonitoringData): a follower's figures are stale, so the scaler finds
/// the consumer's leader through /varz and then keeps reading the leader until it moves.
/// </summary>
public sealed class NatsJetStreamClusterTests : IAsyncLifetime
{
    private NatsClusterStandIn cluster = null!;

    public async Task InitializeAsync() => cluster = await NatsClusterStandIn.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Read_ThroughAFollower_FindsTheLeaderByConnectUrlsAndReadsItsLag()
    {
        await using var scaler = NatsJetStreamTriggers.ClusterScaler(cluster.Endpoint, new FakeTimeProvider());

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(32); // the leader's 30 pending + 2 unacknowledged, not a follower's 5 + 0
        reading.IsActive.ShouldBeTrue();
        // n2's /varz lists n2, n3, n1: each is asked its name, then its /jsz, until the consumer's leader answers.
        cluster.Requests.ShouldBe([
            "localhost /jsz", "localhost /varz",
            "n2.localhost /varz", "n2.localhost /jsz", "n3.localhost /varz", "n3.localhost /jsz", "n1.localhost /varz", "n1.localhost /jsz"]);
        reading.Details!["api_requests"].ShouldBe(8);
    }

    [Fact]
    public async Task Read_Again_AsksOnlyTheRememberedLeader()
    {
        await using var scaler = NatsJetStreamTriggers.ClusterScaler(cluster.Endpoint, new FakeTimeProvider());
        await scaler.ReadAsync(CancellationToken.None);
        var before = cluster.Requests.Count;

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(32);
        cluster.Requests.Skip(before).ShouldBe(["n1.localhost /jsz"]);
        reading.Details!["api_requests"].ShouldBe(1);
    }

    [Fact]
    public async Task Read_AfterTheLeaderMoved_SearchesAgainAndReadsTheNewLeader()
    {
        await using var scaler = NatsJetStreamTriggers.ClusterScaler(cluster.Endpoint, new FakeTimeProvider());
        await scaler.ReadAsync(CancellationToken.None);
        cluster.MoveLeader("n3");
        cluster.Jsz["n3"] = cluster.Jsz["n3"].Replace("\"num_pending\": 5", "\"num_pending\": 40", StringComparison.Ordinal);
        var before = cluster.Requests.Count;

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(40);
        cluster.Requests.Skip(before).ShouldBe(["n1.localhost /jsz", "localhost /varz", "n2.localhost /varz", "n2.localhost /jsz", "n3.localhost /varz", "n3.localhost /jsz"]);
        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(40);
        cluster.Requests[^1].ShouldBe("n3.localhost /jsz");
    }

    [Fact]
    public async Task Read_ConsumerGoneFromTheRememberedLeader_ForgetsItAndSearchesFromTheEndpoint()
    {
        await using var scaler = NatsJetStreamTriggers.ClusterScaler(cluster.Endpoint, new FakeTimeProvider());
        await scaler.ReadAsync(CancellationToken.None);
        cluster.MoveLeader("n2");
        cluster.Jsz["n1"] = cluster.Jsz["n1"].Replace("\"pull_consumer\"", "\"other_consumer\"", StringComparison.Ordinal);
        var before = cluster.Requests.Count;

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(5); // n2 is now the leader and reports 5 + 0
        cluster.Requests.Skip(before).ShouldBe(["n1.localhost /jsz", "localhost /varz", "n2.localhost /varz", "n2.localhost /jsz"]);
    }

    [Fact]
    public async Task Read_ClusterAdvertisingNoClientUrls_ReachesNodesByRouteNameUnderTheEndpoint()
    {
        foreach (var node in cluster.Varz.Keys)
        {
            cluster.Varz[node] = cluster.Varz[node].Replace("\"connect_urls\"", "\"unused_connect_urls\"", StringComparison.Ordinal);
        }
        await using var scaler = NatsJetStreamTriggers.ClusterScaler(cluster.Endpoint, new FakeTimeProvider());

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(32);
        // cluster.urls n1.localhost:16222, ... give the nodes n1, n2, n3, reached as n1.localhost:PORT (n1.<endpoint>).
        cluster.Requests.ShouldBe(["localhost /jsz", "localhost /varz", "n1.localhost /jsz"]);
    }

    // KEDA's "Not Active - consumer missing - connected to node without consumer info (clustered)".
    [Fact]
    public async Task Read_NoNodeIsTheConsumersLeader_FailsNamingTheConsumer()
    {
        cluster.MoveLeader("n9");
        await using var scaler = NatsJetStreamTriggers.ClusterScaler(cluster.Endpoint, new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldBe($"nats-jetstream at {cluster.Endpoint}: leader node not found for consumer \"pull_consumer\" of stream \"mystream\" " +
            "(asked 3 node(s) from /varz connect_urls; none reported itself as the consumer's leader)");
    }

    [Fact]
    public async Task Read_NodeNameWithControlCharacters_IsEscapedInTheError()
    {
        foreach (var node in cluster.Varz.Keys)
        {
            cluster.Varz[node] = cluster.Varz[node].Replace("\"n2.localhost:14222\"", "\"n2.localhost\\u001b[2J:14222\"", StringComparison.Ordinal);
        }
        await using var scaler = NatsJetStreamTriggers.ClusterScaler(cluster.Endpoint, new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldNotContain("\u001b");
        error.Message.ShouldContain("\\x1b");
    }
}
