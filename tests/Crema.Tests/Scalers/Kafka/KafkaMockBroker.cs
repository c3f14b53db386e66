using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Kafka;

/// <summary>
/// A real Kafka wire-protocol peer for tests: the Go program in MockBroker/ (sarama's MockBroker
/// from Debian's golang-github-shopify-sarama-dev, behind a listener that answers librdkafka's
/// ApiVersions v3 as an older broker does, and SASL), built once per test session with Debian's Go
/// and started per test on 127.0.0.1. Offsets can be changed while it runs.
/// Needs the apt packages golang-go and golang-github-shopify-sarama-dev.
/// </summary>
public sealed class KafkaMockBroker : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<Task<string>> Binary = new(() => GoProgram.BuildAsync(Path.Combine(SourceDirectory(), "MockBroker"), "kafkamock", "golang-go golang-github-shopify-sarama-dev"));
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? process;
    private string? control;
    private string? stateFile;

    /// <summary>The bootstrap address (broker 1), set by <see cref="StartAsync(KafkaMockState, CancellationToken)"/>.</summary>
    public string BootstrapServers { get; private set; } = string.Empty;

    /// <summary>Addresses of brokers 1 to 3 (only the first <see cref="KafkaMockState.Brokers"/> are advertised).</summary>
    public IReadOnlyList<string> BrokerAddresses { get; private set; } = [];

    /// <summary>Builds the Go program once per test session (about 10-30 s the first time); returns the binary path.</summary>
    public static Task<string> EnsureBuiltAsync() => Binary.Value;

    /// <summary>Starts a broker serving one group's offsets; returns the bootstrap address.</summary>
    public Task<string> StartAsync(
        IReadOnlyDictionary<string, int> topicPartitions,
        IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>> endOffsets,
        string group,
        IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>> committedOffsets,
        CancellationToken cancellationToken = default) =>
        StartAsync(new KafkaMockState { Topics = topicPartitions, EndOffsets = endOffsets, Committed = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>> { [group] = committedOffsets } }, cancellationToken);

    /// <summary>Starts the broker with <paramref name="state"/>; returns the bootstrap address.</summary>
    public async Task<string> StartAsync(KafkaMockState state, CancellationToken cancellationToken = default)
    {
        if (process is not null)
        {
            throw new InvalidOperationException("Already started.");
        }
        var binary = await EnsureBuiltAsync().ConfigureAwait(false);
        stateFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(stateFile, JsonSerializer.Serialize(state, Json), cancellationToken).ConfigureAwait(false);
        var start = new ProcessStartInfo(binary, [stateFile])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the Kafka mock broker.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The Kafka mock broker exited before it was ready.");
        using var ready = JsonDocument.Parse(line);
        BootstrapServers = ready.RootElement.GetProperty("bootstrap").GetString()!;
        control = ready.RootElement.GetProperty("control").GetString()!;
        BrokerAddresses = ready.RootElement.GetProperty("brokers").EnumerateArray().Select(e => e.GetString()!).ToArray();
        return BootstrapServers;
    }

    /// <summary>Replaces what the broker serves (offsets, topics, coordinators) while it runs.</summary>
    public async Task SetStateAsync(KafkaMockState state, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync($"http://{control}/state", state, Json, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What sarama's mocks complained about, for example a ListOffsets sent to a broker that does not lead the partition.</summary>
    public async Task<IReadOnlyList<string>> GetErrorsAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<string[]>($"http://{control}/errors", cancellationToken).ConfigureAwait(false) ?? [];

    /// <summary>Connections each broker (1 to 3) accepted so far.</summary>
    public async Task<IReadOnlyDictionary<int, int>> GetConnectionsAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<Dictionary<int, int>>($"http://{control}/connections", cancellationToken).ConfigureAwait(false) ?? [];

    /// <summary>Every SaslAuthenticate request received, in order.</summary>
    public async Task<IReadOnlyList<KafkaMockAuthentication>> GetAuthenticationsAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<KafkaMockAuthentication[]>($"http://{control}/authentications", Json, cancellationToken).ConfigureAwait(false) ?? [];

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (process is not null)
        {
            try
            {
                process.StandardInput.Close();
                using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await process.WaitForExitAsync(exit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
            process.Dispose();
        }
        if (stateFile is not null)
        {
            File.Delete(stateFile);
        }
    }

    /// <summary>This file's folder in the source tree (the tests run from the same checkout they were built from).</summary>
    internal static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
