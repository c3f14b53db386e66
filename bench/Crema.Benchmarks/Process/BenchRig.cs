using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Crema.Host.Emulator;

namespace Crema.Benchmarks.Process;

/// <summary>
/// One whole-process run: the Cloud Run emulator with one worker pool per object (count 1), the static
/// Prometheus source, a generated config, and a real <c>crema run</c> pointed at both over loopback.
/// </summary>
internal sealed class BenchRig : IAsyncDisposable
{
    private readonly string directory;

    private BenchRig(string directory, CloudRunEmulator emulator, StaticPrometheus source, CremaProcess crema, int port, IReadOnlyList<string> names)
    {
        this.directory = directory;
        Emulator = emulator;
        Source = source;
        Crema = crema;
        Names = names;
        Status = new Uri($"http://127.0.0.1:{port}/");
    }

    public CloudRunEmulator Emulator { get; }

    public StaticPrometheus Source { get; }

    public CremaProcess Crema { get; }

    /// <summary>The objects' names; object NAME scales workerPools/NAME.</summary>
    public IReadOnlyList<string> Names { get; }

    public Uri Status { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static string PoolOf(string name) => $"projects/bench/locations/us-central1/workerPools/{name}";

    public static async Task<BenchRig> StartAsync(
        int objects, int pollingSeconds, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? operationDelay = null, IReadOnlyDictionary<string, TimeSpan>? slowTargets = null)
    {
        var names = Enumerable.Range(0, objects).Select(i => "o-" + i.ToString("D5", CultureInfo.InvariantCulture)).ToArray();
        var directory = Directory.CreateTempSubdirectory("crema-bench-").FullName;
        var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions
        {
            Targets = names.ToDictionary(PoolOf, _ => 1),
            OperationDelay = operationDelay ?? TimeSpan.Zero,
            OperationDelays = slowTargets?.ToDictionary(p => PoolOf(p.Key), p => p.Value) ?? [],
        }, CancellationToken.None).ConfigureAwait(false);
        var source = await StaticPrometheus.StartAsync().ConfigureAwait(false);
        var config = Path.Combine(directory, "crema.yaml");
        await File.WriteAllTextAsync(config, Config(names, pollingSeconds, source.BaseAddress)).ConfigureAwait(false);
        var port = FreePort();
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["CREMA_RUN_ENDPOINT"] = emulator.BaseAddress.AbsoluteUri,
            ["CREMA_CONFIG_MAX_BYTES"] = (64 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
        };
        var crema = CremaProcess.Start(config, port, env);
        return new BenchRig(directory, emulator, source, crema, port, names);
    }

    /// <summary>
    /// Every object: one prometheus trigger on its own series (target 1, so value N asks for N instances), and
    /// a behavior that lets each change through at once, so what is measured is Crema's reaction, not a policy.
    /// </summary>
    private static string Config(IReadOnlyList<string> names, int pollingSeconds, string server)
    {
        var yaml = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: {pollingSeconds}
              scaledObjects:

            """));
        foreach (var name in names)
        {
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                    - metadata: {name: {{name}}}
                      spec:
                        scaleTargetRef: {name: {{PoolOf(name)}}}
                        minReplicaCount: 1
                        maxReplicaCount: 100
                        advanced:
                          horizontalPodAutoscalerConfig:
                            behavior:
                              scaleUp: {stabilizationWindowSeconds: 0, policies: [{type: Pods, value: 100, periodSeconds: 1}]}
                              scaleDown: {stabilizationWindowSeconds: 0, policies: [{type: Pods, value: 100, periodSeconds: 1}]}
                        triggers:
                          - type: prometheus
                            metadata: {serverAddress: "{{server}}", query: '{{StaticPrometheus.QueryOf(name)}}', threshold: "1"}

                """);
        }
        return yaml.ToString();
    }

    /// <summary>Waits (real time, checking every <paramref name="every"/>) until <paramref name="done"/> holds.</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout, TimeSpan every)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            if (await done().ConfigureAwait(false))
            {
                return true;
            }
            await Task.Delay(every).ConfigureAwait(false);
        }
        return false;
    }

    /// <summary>Waits until every object has been polled once; the Stopwatch timestamp of the last first poll.</summary>
    public async Task<long> WaitForFirstPollsAsync(TimeSpan timeout)
    {
        if (!await WaitUntilAsync(() => Task.FromResult(Source.PolledObjects >= Names.Count), timeout, TimeSpan.FromMilliseconds(20)).ConfigureAwait(false))
        {
            throw new TimeoutException($"only {Source.PolledObjects} of {Names.Count} objects polled within {timeout.TotalSeconds} s");
        }
        return Names.Max(n => Source.PollsOf(n)[0]);
    }

    public async Task<EmulatorHistoryEntry[]> HistoryAsync() =>
        (await Http.GetFromJsonAsync<EmulatorHistoryEntry[]>(new Uri(Emulator.BaseAddress, "emulator/history")).ConfigureAwait(false))!;

    public async Task<EmulatorCall[]> CallsAsync() =>
        (await Http.GetFromJsonAsync<EmulatorCall[]>(new Uri(Emulator.BaseAddress, "emulator/calls")).ConfigureAwait(false))!;

    public async Task FaultAsync(EmulatorFault fault)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Emulator.BaseAddress, "emulator/faults"), fault).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Crema.DisposeAsync().ConfigureAwait(false);
        await Source.DisposeAsync().ConfigureAwait(false);
        await Emulator.DisposeAsync().ConfigureAwait(false);
        Http.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
