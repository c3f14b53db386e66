using System.Net.Http.Json;
using System.Text.Json;
using Crema.Google.Storage;
using Crema.Host.Emulator;
using Crema.Host.Leadership;
using Crema.Tests.Daemon;

namespace Crema.Tests.Leadership;

/// <summary>The daemon with a gs:// lease, on a fake clock, against the emulator and the Cloud Storage stand-in.</summary>
public sealed class DaemonLeaseTests
{
    [Fact]
    public async Task Run_LeaseHeldByAnother_DecidesButNeverWrites_ThenTakesOverWhenItExpires()
    {
        await using var gcs = await FakeCloudStorage.StartAsync("acme-crema");
        var start = DateTimeOffset.UtcNow;
        gcs.Put("acme-crema", "leader", LeaseRecordJson.Write(new LeaseRecord("other", 15, start, start, 4)));
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        await using var harness = await StartAsync(gcs, scalers, start);

        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("lastDecision").GetString()?.Contains("standby", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(1), 10, "a standby decision");
        var leadership = (await harness.StatusAsync()).GetProperty("leadership");
        leadership.GetProperty("role").GetString().ShouldBe("standby");
        leadership.GetProperty("holder").GetString().ShouldBe("other");
        leadership.GetProperty("identity").GetString().ShouldBe("crema-a");
        leadership.GetProperty("term").GetInt32().ShouldBe(4);
        (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("lastDecision").GetString()
            .ShouldBe("hold 1 (standby: the lease holder writes; this daemon would scale to 3)");
        var metrics = await harness.MetricsAsync();
        metrics.ShouldContain("crema_lease_leader{identity=\"crema-a\",lease=\"gs://acme-crema/leader\"} 0");
        metrics.ShouldContain("crema_scale_operations_total{result=\"standby\",scaled_object=\"pool-a\"}");
        (await WritesAsync(harness)).ShouldBeEmpty();

        // "other" never renews: one lease duration after the daemon first saw its record, the daemon takes over.
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 3, TimeSpan.FromSeconds(1), 30, "takeover and scale to 3");

        var writes = await WritesAsync(harness);
        writes.ShouldNotBeEmpty();
        writes.ShouldAllBe(w => w.UserAgent!.EndsWith("(writer=crema-a; term=5)", StringComparison.Ordinal));
        writes[0].Time.ShouldBeGreaterThanOrEqualTo(start + TimeSpan.FromSeconds(15));
        var after = (await harness.StatusAsync()).GetProperty("leadership");
        after.GetProperty("role").GetString().ShouldBe("leader");
        after.GetProperty("holder").GetString().ShouldBe("crema-a");
        (await harness.MetricsAsync()).ShouldContain("crema_lease_info{holder=\"crema-a\",identity=\"crema-a\",lease=\"gs://acme-crema/leader\",role=\"leader\"} 1");
        LeaseRecordJson.Read(gcs.Object("acme-crema", "leader")!.Value.Data).LeaseTransitions.ShouldBe(5);
    }

    [Fact]
    public async Task Run_LeaseFree_CreatesItWritesInTermZero_AndReleasesTheLeaseOnShutdown()
    {
        await using var gcs = await FakeCloudStorage.StartAsync("acme-crema");
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        var start = DateTimeOffset.UtcNow;
        await using var harness = await StartAsync(gcs, scalers, start);

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, TimeSpan.FromSeconds(1), 20, "scale to 2");
        (await WritesAsync(harness)).ShouldAllBe(w => w.UserAgent!.EndsWith("(writer=crema-a; term=0)", StringComparison.Ordinal));
        await harness.StopDaemonAsync();

        var record = LeaseRecordJson.Read(gcs.Object("acme-crema", "leader")!.Value.Data);
        record.IsFree.ShouldBeTrue("released, so a standby takes over at its next look");
        record.LeaseTransitions.ShouldBe(0);
        gcs.Uploads[0].Data.ShouldContain("\"holderIdentity\":\"crema-a\"");
    }

    [Fact]
    public async Task Run_NoLease_StatusHasNoLeadershipAndRequestsKeepTheirUserAgent()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers]);

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, TimeSpan.FromSeconds(1), 10, "scale to 2");

        (await harness.StatusAsync()).TryGetProperty("leadership", out _).ShouldBeFalse();
        (await harness.MetricsAsync()).ShouldNotContain("crema_lease_leader{");
        (await WritesAsync(harness)).ShouldAllBe(w => w.UserAgent == null || !w.UserAgent.Contains("writer=", StringComparison.Ordinal));
    }

    private static Task<DaemonHarness> StartAsync(FakeCloudStorage gcs, SettableScalerFactory scalers, DateTimeOffset start) =>
        DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            time: new Support.TimerSignallingTimeProvider(start),
            environment: new Dictionary<string, string> { ["CREMA_STORAGE_ENDPOINT"] = gcs.BaseAddress },
            configure: options => options with
            {
                Lease = new LeaseOptions { Location = new LeaseLocation(LeaseStoreKind.CloudStorage, "acme-crema", "leader"), Identity = "crema-a" },
            });

    private static async Task<EmulatorWrite[]> WritesAsync(DaemonHarness harness) =>
        (await harness.Http.GetFromJsonAsync<EmulatorWrite[]>(new Uri(harness.Emulator.BaseAddress, "emulator/writes"), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
}
