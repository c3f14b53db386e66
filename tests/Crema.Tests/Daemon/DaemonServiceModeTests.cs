using System.Net.Http.Json;

namespace Crema.Tests.Daemon;

/// <summary>Cloud Run services ignore manualInstanceCount unless in manual scaling mode: Crema must say so, not write in vain.</summary>
public sealed class DaemonServiceModeTests
{
    private const string Service = "projects/e2e/locations/us-central1/services/api";

    [Fact]
    public async Task Run_ServiceInAutomaticMode_ReportsItAndWritesNothing()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((Service, "a", 10)), new Dictionary<string, int>(), [scalers]);
        (await harness.Http.PostAsJsonAsync(new Uri(harness.Emulator.BaseAddress, "emulator/targets"), new { name = Service, count = 1, scalingMode = "AUTOMATIC" }))
            .EnsureSuccessStatusCode();

        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(Service)).GetProperty("lastScaleError").GetString()?.Contains("AUTOMATIC scaling mode", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(1), 40, "automatic mode reported");

        (await harness.ObjectStatusAsync(Service)).GetProperty("lastScaleError").GetString()!.ShouldContain("gcloud run services update NAME --scaling=COUNT");
        (await harness.HistoryAsync(Service)).ShouldBe([1], "no PATCH that Cloud Run would ignore");
    }

    [Fact]
    public async Task Run_ServiceInManualMode_IsScaled()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((Service, "a", 10)), new Dictionary<string, int> { [Service] = 1 }, [scalers]);

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Service) == 3, TimeSpan.FromSeconds(1), 40, "service scaled to 3");
    }
}
