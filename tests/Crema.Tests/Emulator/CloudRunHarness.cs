using System.Collections.Concurrent;
using Crema.Google.CloudRun;
using Crema.Google.Http;
using Crema.Host.Emulator;
using Crema.Tests.Support;

namespace Crema.Tests.Emulator;

/// <summary>A real emulator on 127.0.0.1 and a Cloud Run client pointed at it, sharing one fake clock.</summary>
internal sealed class CloudRunHarness : IAsyncDisposable, ICloudRunCallObserver
{
    public const string Pool = "projects/demo/locations/us-central1/workerPools/pool-a";
    public const string OtherPool = "projects/demo/locations/us-central1/workerPools/pool-b";
    public const string Service = "projects/demo/locations/us-central1/services/web";

    private CloudRunHarness(CloudRunEmulator emulator, TimerSignallingTimeProvider clock)
    {
        Emulator = emulator;
        Clock = clock;
        Http = new HttpClient { BaseAddress = emulator.BaseAddress };
        Client = new CloudRunClient(
            Http,
            emulator.BaseAddress,
            tokens: null,
            clock,
            new CloudRunClientOptions { Retry = new GoogleApiRetryOptions { AttemptTimeout = null } },
            this);
    }

    public CloudRunEmulator Emulator { get; }

    public TimerSignallingTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public CloudRunClient Client { get; }

    public ConcurrentQueue<(string Method, int Status)> Calls { get; } = new();

    public static async Task<CloudRunHarness> StartAsync(TimeSpan? operationDelay = null, Func<CloudRunEmulatorOptions, CloudRunEmulatorOptions>? configure = null)
    {
        var clock = new TimerSignallingTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new CloudRunEmulatorOptions
        {
            Targets = new Dictionary<string, int> { [Pool] = 1, [OtherPool] = 1, [Service] = 2 },
            OperationDelay = operationDelay ?? TimeSpan.Zero,
            TimeProvider = clock,
        };
        var emulator = await CloudRunEmulator.StartAsync(configure is null ? options : configure(options), CancellationToken.None);
        return new CloudRunHarness(emulator, clock);
    }

    public void OnCall(string method, string target, int status) => Calls.Enqueue((method, status));

    public async Task PostAsync(string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
