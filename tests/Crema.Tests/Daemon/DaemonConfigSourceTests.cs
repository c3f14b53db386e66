using System.Text.Json;
using Crema.Host.Cli;
using Crema.Host.ConfigSources;
using Crema.Host.Daemon;

namespace Crema.Tests.Daemon;

/// <summary>Where `crema run` takes its config from: CREMA_CONFIG_YAML, Parameter Manager, and the start-up checks.</summary>
public sealed class DaemonConfigSourceTests
{
    private const string Version = "projects/e2e/locations/global/parameters/crema/versions/v1";
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task InlineConfigSource_Always_ReturnsItsYamlAndNeverPolls()
    {
        var source = new InlineConfigSource("CREMA_CONFIG_YAML", "spec: {}");

        source.PollInterval.ShouldBeNull();
        (await source.ReadAsync(CancellationToken.None)).Text.ShouldBe("spec: {}");
        source.Description.ShouldBe("CREMA_CONFIG_YAML");
    }

    [Fact]
    public async Task Run_InlineConfig_AppliedOnceAndNeverReloaded()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        var yaml = DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10));
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            configure: o => o with { Source = new InlineConfigSource("CREMA_CONFIG_YAML", yaml) });
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, Poll, 20, "scale to 2");
        var loadedAt = (await harness.StatusAsync()).GetProperty("config").GetProperty("loadedAt").GetString();

        for (var i = 0; i < 12; i++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(10), DaemonConfigs.PoolA);
        }

        var config = (await harness.StatusAsync()).GetProperty("config");
        config.GetProperty("source").GetString().ShouldBe("CREMA_CONFIG_YAML");
        config.GetProperty("loadedAt").GetString().ShouldBe(loadedAt);
        var metrics = await harness.MetricsAsync();
        metrics.ShouldContain("crema_config_reloads_total{result=\"applied\"} 1");
        metrics.ShouldNotContain("crema_config_reloads_total{result=\"invalid\"}");
    }

    [Fact]
    public async Task Run_ParameterManagerPayloadChanged_AppliedAfterPollIntervalAndInvalidOneKeepsLastGood()
    {
        await using var parameters = await FakeSecretsServer.StartAsync();
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 5;
        var yaml = DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10));
        parameters.Parameters[Version] = yaml;
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            environment: new Dictionary<string, string> { ["CREMA_PARAMETERMANAGER_ENDPOINT"] = parameters.BaseUrl.AbsoluteUri },
            configure: o =>
            {
                var google = GoogleServices.FromEnvironment(o.Environment, o.Time);
                return o with { Google = google, Source = new ParameterManagerConfigSource(google.ParameterManager, Version) };
            });
        var started = harness.Time.GetUtcNow();
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 5, Poll, 20, "scale to 5");

        parameters.Parameters[Version] = DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 3));
        while (harness.Time.GetUtcNow() - started < TimeSpan.FromSeconds(29))
        {
            await harness.StepAsync(Poll, DaemonConfigs.PoolA);
        }
        parameters.Accessed.ShouldBeEmpty("Parameter Manager is polled every 30 s");
        (await harness.InstancesAsync(DaemonConfigs.PoolA)).ShouldBe(5);

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 3, Poll, 10, "new maxReplicaCount applied");
        (harness.Time.GetUtcNow() - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        parameters.Accessed.ShouldAllBe(name => name == Version + ":render");
        (await harness.StatusAsync()).GetProperty("config").GetProperty("source").GetString().ShouldBe(Version);

        parameters.Parameters[Version] = "apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  scaledObjects:\n    - spec: {maxReplicaCount: many}\n";
        await harness.AdvanceUntilAsync(async () => (await harness.StatusAsync()).GetProperty("config").GetProperty("lastReloadError").ValueKind == JsonValueKind.String,
            Poll, 40, "invalid payload reported");
        (await harness.StatusAsync()).GetProperty("config").GetProperty("lastReloadError").GetString()!.ShouldContain(Version);
        (await harness.MetricsAsync()).ShouldContain("crema_config_reloads_total{result=\"invalid\"} 1");
        scalers.Values["a"] = 9;
        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("triggers")[0].GetProperty("value").GetDouble() == 9,
            Poll, 10, "the last good config's loop keeps polling");
        (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("desired").GetInt32().ShouldBe(3, "still capped by the last good maxReplicaCount");
    }

    [Fact]
    public async Task RunCommand_InvalidConfigFile_ExitsOneWithValidatorMessages()
    {
        var directory = Directory.CreateTempSubdirectory("crema-run-").FullName;
        try
        {
            var path = Path.Combine(directory, "crema.yaml");
            await File.WriteAllTextAsync(path, "apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  scaledObjects:\n    - spec: {maxReplicaCount: many}\n");
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exitCode = await CremaCli.RunAsync(["run", "--config", path, "--port", "0", "--address", "127.0.0.1"], output, error);

            exitCode.ShouldBe(1);
            error.ToString().ShouldContain(path + ":5:");
            error.ToString().ShouldContain("maxReplicaCount");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task RunCommand_NoConfigAtAll_ExitsTwo()
    {
        // Meaningful only when the test process itself carries no config in its environment.
        Environment.GetEnvironmentVariable("CREMA_CONFIG_YAML").ShouldBeNullOrEmpty();
        Environment.GetEnvironmentVariable("CREMA_CONFIG").ShouldBeNullOrEmpty();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CremaCli.RunAsync(["run"], output, error);

        exitCode.ShouldBe(2);
        error.ToString().ShouldContain("no config");
    }

    [Fact]
    public async Task RunCommand_ConfigFileMissing_ExitsTwo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var path = Path.Combine(Path.GetTempPath(), $"crema-missing-{Guid.NewGuid():N}.yaml");

        var exitCode = await CremaCli.RunAsync(["run", "--config", path], output, error);

        exitCode.ShouldBe(2);
        error.ToString().ShouldContain(path);
    }
}
