using System.Net.Http.Json;
using System.Text.Json;
using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Host.ConfigSources;
using Crema.Host.Daemon;
using Crema.Host.Emulator;
using Crema.Scalers;
using Crema.Tests.Support;

namespace Crema.Tests.Daemon;

/// <summary>
/// The daemon, as `crema run` composes it, against the Cloud Run emulator over real HTTP, on a fake
/// clock. Tests move time with <see cref="AdvanceUntilAsync"/> and <see cref="StepAsync"/>, which move it only
/// once the loops woken by the previous move are parked on the clock again; real time is only spent waiting
/// for I/O, never for scaling logic.
/// </summary>
internal sealed class DaemonHarness : IAsyncDisposable
{
    // How long to wait for woken loops to park again before moving the clock anyway (a loop stuck on I/O
    // the test holds back never parks). Only a bound: under no load parking takes milliseconds.
    private static readonly TimeSpan ParkPatience = TimeSpan.FromSeconds(10);

    private readonly string directory;
    private Task? stopping;
    private int parked;

    private DaemonHarness(TimerSignallingTimeProvider time, CloudRunEmulator emulator, DaemonHost daemon, string configPath, string directory)
    {
        Time = time;
        Emulator = emulator;
        Daemon = daemon;
        ConfigPath = configPath;
        this.directory = directory;
    }

    public TimerSignallingTimeProvider Time { get; }

    public CloudRunEmulator Emulator { get; }

    public DaemonHost Daemon { get; }

    public string ConfigPath { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<DaemonHarness> StartAsync(
        string yaml, IReadOnlyDictionary<string, int> targets, IEnumerable<IScalerFactory>? extraScalers = null,
        IReadOnlyDictionary<string, TimeSpan>? operationDelays = null, IReadOnlyDictionary<string, string>? environment = null,
        TimerSignallingTimeProvider? time = null, Func<DaemonOptions, DaemonOptions>? configure = null)
    {
        time ??= new TimerSignallingTimeProvider(DateTimeOffset.UtcNow);
        var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions
        {
            Targets = targets,
            OperationDelay = TimeSpan.Zero,
            OperationDelays = operationDelays ?? new Dictionary<string, TimeSpan>(),
            TimeProvider = time,
        }, CancellationToken.None);
        var directory = Directory.CreateTempSubdirectory("crema-daemon-").FullName;
        var configPath = Path.Combine(directory, "crema.yaml");
        await File.WriteAllTextAsync(configPath, yaml);
        var scalers = new ScalerRegistry(BuiltInFactories().Concat(extraScalers ?? []));
        var loaded = ConfigLoader.Load(yaml, configPath, scalers);
        loaded.IsValid.ShouldBeTrue(string.Join("\n", loaded.Errors));
        string? Environment(string name) => name == "CREMA_RUN_ENDPOINT" ? emulator.BaseAddress.AbsoluteUri : environment?.GetValueOrDefault(name);
        var options = new DaemonOptions
        {
            Source = new FileConfigSource(configPath),
            InitialDigest = ConfigDigest.Of(yaml),
            InitialConfig = new InitialConfig(loaded.Config!),
            Address = "127.0.0.1",
            Port = 0,
            Time = time,
            Environment = Environment,
            Scalers = scalers,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            // Polls exactly every interval unless a test injects its own random source to see the jitter.
            Random = static () => 0,
        };
        var daemon = DaemonHost.Create(configure is null ? options : configure(options));
        await daemon.StartAsync(CancellationToken.None);
        var harness = new DaemonHarness(time, emulator, daemon, configPath, directory);
        // Every loop parks on the clock after it started (and polled, when it polls at once).
        await time.WaitForPendingWaitsAsync(loaded.Config!.Spec.ScaledObjects.Count, ParkPatience);
        harness.parked = time.PendingWaits;
        return harness;
    }

    public async Task<int> InstancesAsync(string target)
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Emulator.BaseAddress, "v2/" + target)));
        return document.RootElement.TryGetProperty("scaling", out var scaling) && scaling.TryGetProperty("manualInstanceCount", out var count)
            ? count.GetInt32()
            : 0;
    }

    public Task<string> MetricsAsync() => Http.GetStringAsync(new Uri(Daemon.BaseAddress, "metrics"));

    /// <summary>Every instance count the emulator applied to <paramref name="target"/>, its initial count first.</summary>
    public async Task<int[]> HistoryAsync(string target) =>
        DaemonPrometheusEndToEndTests.HistoryCounts(await Http.GetFromJsonAsync<JsonElement>(new Uri(Emulator.BaseAddress, "emulator/history")), target);

    /// <summary>Arms an emulator fault (<see cref="EmulatorFault"/>), over HTTP as a user would.</summary>
    public async Task AddFaultAsync(EmulatorFault fault)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Emulator.BaseAddress, "emulator/faults"), fault);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> ObjectStatusAsync(string target) =>
        (await StatusAsync()).GetProperty("scaledObjects").EnumerateArray().Single(o => o.GetProperty("target").GetString() == target);

    public Task<JsonElement> StatusAsync() => Http.GetFromJsonAsync<JsonElement>(new Uri(Daemon.BaseAddress, "status"));

    /// <summary>
    /// Advances the fake clock by <paramref name="step"/> until <paramref name="condition"/> holds, letting the
    /// daemon's I/O finish between steps. Fails after <paramref name="maxSteps"/>.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<Task<bool>> condition, TimeSpan step, int maxSteps, string what)
    {
        Exception? lastError = null;
        for (var i = 0; i <= maxSteps; i++)
        {
            await SettleAsync();
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
            {
                // The status does not have that shape yet (loops not started, no poll yet): not reached.
                lastError = e;
            }
            await AdvanceParkedAsync(step);
        }
        var status = await StatusAsync();
        throw new ShouldAssertException($"{what}: not reached after {maxSteps} steps of {step} (last condition error: {lastError?.Message}). Status: {status}");
    }

    /// <summary>
    /// Advances the clock by <paramref name="step"/> and waits (bounded, real time for I/O) until
    /// <paramref name="target"/>'s loop has finished a poll after it.
    /// </summary>
    public async Task StepAsync(TimeSpan step, string target)
    {
        var before = (await ObjectStatusAsync(target)).GetProperty("lastPollAt").ToString();
        await AdvanceParkedAsync(step);
        for (var i = 0; i < 250; i++)
        {
            await SettleAsync();
            if ((await ObjectStatusAsync(target)).GetProperty("lastPollAt").ToString() != before)
            {
                return;
            }
        }
        throw new ShouldAssertException($"no poll of {target} after advancing {step}");
    }

    // Waits until as many loops are parked on the clock as before the previous move, then moves it.
    private async Task AdvanceParkedAsync(TimeSpan step)
    {
        await Time.WaitForPendingWaitsAsync(parked, ParkPatience);
        parked = Time.PendingWaits;
        Time.Advance(step);
    }

    /// <summary>Gives in-flight HTTP calls a moment of real time to complete (I/O, not scaling logic).</summary>
    public static Task SettleAsync() => Task.Delay(40);

    /// <summary>Stops the daemon as SIGTERM would (once; <see cref="DisposeAsync"/> then leaves it alone).</summary>
    public Task StopDaemonAsync() => stopping ??= Daemon.DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopDaemonAsync();
        await Emulator.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static IEnumerable<IScalerFactory> BuiltInFactories()
    {
        var registry = BuiltInScalers.CreateRegistry();
        return registry.KnownTypes.Select(t => registry.TryGet(t, out var f) ? f : null!).Distinct();
    }
}
