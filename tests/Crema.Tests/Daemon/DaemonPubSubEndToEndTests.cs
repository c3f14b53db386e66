using Crema.Tests.Scalers.Gcp;
using Crema.Tests.Support;

namespace Crema.Tests.Daemon;

/// <summary>Daemon + emulator + the Cloud Monitoring fake: a Pub/Sub subscription's backlog scales a pool up and back to zero.</summary>
public sealed class DaemonPubSubEndToEndTests
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/order-workers";

    [Fact]
    public async Task Run_SubscriptionBacklogThenEmpty_ScalesUpThenToZeroAfterCooldown()
    {
        var time = new TimerSignallingTimeProvider(DateTimeOffset.UtcNow);
        await using var monitoring = await FakeMonitoringServer.StartAsync(time);
        monitoring.SetSubscriptionBacklog("e2e", "orders", 0);
        var yaml = DaemonConfigs.OneTrigger(Pool, "gcp-pubsub", "orders", "{subscriptionName: projects/e2e/subscriptions/orders, value: \"10\"}");
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 },
            environment: new Dictionary<string, string> { ["CREMA_MONITORING_ENDPOINT"] = monitoring.BaseUrl.AbsoluteUri }, time: time);

        monitoring.SetSubscriptionBacklog("e2e", "orders", 35);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 4, TimeSpan.FromSeconds(5), 20, "backlog 35 / 10 per instance");

        monitoring.SetSubscriptionBacklog("e2e", "orders", 0);
        var drained = time.GetUtcNow();
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "empty subscription: zero after cooldown");
        (time.GetUtcNow() - drained).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        monitoring.Requests.ShouldAllBe(r => r.Authorization == null, "no credentials are sent to a loopback http endpoint");
    }
}
