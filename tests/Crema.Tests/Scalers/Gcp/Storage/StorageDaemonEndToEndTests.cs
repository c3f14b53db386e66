using System.Net.Http.Json;
using System.Text.Json;
using Crema.Scalers.Gcp.Storage;
using Crema.Tests.Daemon;

namespace Crema.Tests.Scalers.Gcp.Storage;

/// <summary>`crema run` end to end against the objects.list stand-in: files land and are processed; Crema scales the emulated pool up and back to zero; a missing bucket never scales it down.</summary>
public sealed class StorageDaemonEndToEndTests
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/gcs-workers";

    [Fact]
    public async Task Run_ObjectsArriveThenAreProcessed_ScalesUpThenToZeroAfterCooldown()
    {
        await using var storage = await FakeObjectsList.StartAsync();
        storage.Put("uploads", ("incoming/", 0), ("done/old.csv", 10));
        await using var harness = await DaemonHarness.StartAsync(Yaml("uploads"), new Dictionary<string, int> { [Pool] = 0 },
            environment: new Dictionary<string, string> { [StorageScalerFactory.EndpointVariable] = storage.BaseAddress });

        storage.PutMany("uploads", "incoming/file-", 23);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil(23 / 5)");
        var scaledUpAt = harness.Time.GetUtcNow();

        storage.Clear("uploads");
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        var history = await harness.Http.GetFromJsonAsync<JsonElement>(new Uri(harness.Emulator.BaseAddress, "emulator/history"));
        DaemonPrometheusEndToEndTests.HistoryCounts(history, Pool).ShouldBe([0, 1, 4, 5, 0]); // Kubernetes' legacy step limit: from 1 at most 4, then 5
        storage.Requests.ShouldAllBe(r => r.Query.GetValueOrDefault("prefix") == "incoming/" && r.Authorization == null);
    }

    [Fact]
    public async Task Run_MissingBucket_ReportsTheErrorAndNeverScalesDown()
    {
        await using var storage = await FakeObjectsList.StartAsync();
        await using var harness = await DaemonHarness.StartAsync(Yaml("no-such-bucket"), new Dictionary<string, int> { [Pool] = 3 },
            environment: new Dictionary<string, string> { [StorageScalerFactory.EndpointVariable] = storage.BaseAddress });

        for (var i = 0; i < 12; i++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(5), Pool);
        }

        (await harness.InstancesAsync(Pool)).ShouldBe(3);
        var status = (await harness.StatusAsync()).ToString();
        status.ShouldContain("Cloud Storage has no bucket");
        status.ShouldContain("no-such-bucket");
    }

    private static string Yaml(string bucket) => DaemonConfigs.OneTrigger(Pool, "gcp-storage", "uploads",
        $"{{bucketName: {bucket}, blobPrefix: incoming/, targetObjectCount: \"5\"}}");
}
