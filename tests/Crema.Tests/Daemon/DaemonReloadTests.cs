using System.Text.Json;

namespace Crema.Tests.Daemon;

/// <summary>Hot reload of the watched config file.</summary>
public sealed class DaemonReloadTests
{
    [Fact]
    public async Task Run_ConfigFileEdited_AppliesChangeAndKeepsOldConfigWhenBroken()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 5;
        scalers.Values["c"] = 2;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)),
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0, [DaemonConfigs.PoolC] = 0 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 5, TimeSpan.FromSeconds(1), 40, "pool-a scales to 5");

        await File.WriteAllTextAsync(harness.ConfigPath, DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 3), (DaemonConfigs.PoolC, "c", 10)));
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolC) == 2 && await harness.InstancesAsync(DaemonConfigs.PoolA) == 3,
            TimeSpan.FromSeconds(1), 60, "new object added and max lowered");

        await File.WriteAllTextAsync(harness.ConfigPath, "apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  scaledObjects:\n    - spec: {maxReplicaCount: many}\n");
        await harness.AdvanceUntilAsync(async () => (await harness.StatusAsync()).GetProperty("config").GetProperty("lastReloadError").ValueKind == JsonValueKind.String,
            TimeSpan.FromSeconds(1), 20, "broken config reported");

        var status = await harness.StatusAsync();
        status.GetProperty("config").GetProperty("lastReloadError").GetString()!.ShouldContain("crema.yaml:5:");
        status.GetProperty("scaledObjects").GetArrayLength().ShouldBe(2, "the last good config keeps running");
        scalers.Values["c"] = 4;
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolC) == 4, TimeSpan.FromSeconds(1), 40, "loops still scale after a rejected reload");
    }

    [Fact]
    public async Task Run_ConfigFileUnreadableThenBackUnchanged_ErrorClearedWithoutARestart()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        var yaml = DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10));
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, TimeSpan.FromSeconds(1), 40, "pool-a scales to 2");

        // A mounted secret swapped under the watch: gone for a moment, then the same text again.
        File.Delete(harness.ConfigPath);
        await harness.AdvanceUntilAsync(async () => (await harness.StatusAsync()).GetProperty("config").GetProperty("lastReloadError").GetString() is { } e && e.Contains("cannot read", StringComparison.Ordinal),
            TimeSpan.FromSeconds(1), 20, "the unreadable file reported");
        (await harness.MetricsAsync()).ShouldContain("crema_config_last_reload_successful 0");
        await File.WriteAllTextAsync(harness.ConfigPath, yaml);
        await harness.AdvanceUntilAsync(async () => (await harness.StatusAsync()).GetProperty("config").GetProperty("lastReloadError").ValueKind == JsonValueKind.Null,
            TimeSpan.FromSeconds(1), 20, "the error cleared once the same text is readable again");

        (await harness.MetricsAsync()).ShouldContain("crema_config_last_reload_successful 1");
        scalers.Built.ShouldBe(1, "the unchanged config restarts nothing");
    }

    [Fact]
    public async Task Run_ReloadNamingAnUnsetVariable_IsRejectedNamingItAndTheOldConfigKeepsRunning()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 5;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)),
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 5, TimeSpan.FromSeconds(1), 40, "pool-a scales to 5");

        await File.WriteAllTextAsync(harness.ConfigPath,
            DaemonConfigs.OneTrigger(DaemonConfigs.PoolA, "rabbitmq", "jobs", "{hostFromEnv: RABBIT_URL, queueName: jobs, mode: QueueLength, value: \"5\"}"));
        await harness.AdvanceUntilAsync(async () => (await harness.StatusAsync()).GetProperty("config").GetProperty("lastReloadError").ValueKind == JsonValueKind.String,
            TimeSpan.FromSeconds(1), 20, "reload rejected");

        var status = await harness.StatusAsync();
        status.GetProperty("config").GetProperty("lastReloadError").GetString()!.ShouldContain("environment variable \"RABBIT_URL\" is not set in the daemon's environment");
        scalers.Values["a"] = 8;
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 8, TimeSpan.FromSeconds(1), 40, "the old config keeps scaling");
    }

    [Fact]
    public async Task Run_ReloadWithTwoErrors_IsOneLogLineNamingBoth()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 5;
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)),
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers],
            configure: o => o with { LogFormat = "text", LogOutput = TextWriter.Synchronized(log), LogLevel = Microsoft.Extensions.Logging.LogLevel.Information });
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 5, TimeSpan.FromSeconds(1), 40, "pool-a scales to 5");

        await File.WriteAllTextAsync(harness.ConfigPath, "apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  pollingInterval: 0\n  scaledObjects:\n    - spec: {maxReplicaCount: many}\n");
        await harness.AdvanceUntilAsync(() => Task.FromResult(log.ToString().Contains("rejected", StringComparison.Ordinal)), TimeSpan.FromSeconds(1), 20, "reload rejected");
        for (var i = 0; i < 5; i++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(1), DaemonConfigs.PoolA);
        }

        var lines = log.ToString().Split('\n').Where(l => l.Contains("rejected", StringComparison.Ordinal)).ToList();
        var line = lines.ShouldHaveSingleItem();
        line.ShouldContain("WARNING Crema.Supervisor[ReloadRejected] config change from");
        line.ShouldContain("spec.pollingInterval");
        line.ShouldContain("maxReplicaCount");
    }

    [Fact]
    public async Task Run_OneObjectEditedAndFileRewrittenUnchanged_RestartsOnlyThatObjectAndReloadsNoMore()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 5;
        scalers.Values["c"] = 2;
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10), (DaemonConfigs.PoolC, "c", 10)),
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0, [DaemonConfigs.PoolC] = 0 }, [scalers],
            configure: o => o with { LogFormat = "text", LogOutput = TextWriter.Synchronized(log), LogLevel = Microsoft.Extensions.Logging.LogLevel.Information });
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 5, TimeSpan.FromSeconds(1), 40, "pool-a scales to 5");

        var edited = DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10), (DaemonConfigs.PoolC, "c", 1));
        await File.WriteAllTextAsync(harness.ConfigPath, edited);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolC) == 1, TimeSpan.FromSeconds(1), 40, "pool-c's new max applied");
        for (var i = 0; i < 3; i++)
        {
            await File.WriteAllTextAsync(harness.ConfigPath, edited);
            await harness.StepAsync(TimeSpan.FromSeconds(2), DaemonConfigs.PoolA);
        }

        var applied = log.ToString().Split('\n').Where(l => l.Contains("applied:", StringComparison.Ordinal)).ToList();
        applied.Count.ShouldBe(2, "the start and the one edit; rewriting the same bytes is no change");
        applied[1].ShouldContain("started: pool-c; stopped: pool-c");
        (await harness.MetricsAsync()).ShouldContain("crema_config_reloads_total{result=\"applied\"} 2");
    }
}
