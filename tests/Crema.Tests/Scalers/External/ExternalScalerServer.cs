using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.External;

/// <summary>
/// A real gRPC external scaler (external_scaler_server.py on Debian's python3-grpcio) on 127.0.0.1
/// and a free port, controlled while it runs through its stdin. Stubs are generated once per test
/// run from src/Crema.Scalers/External/externalscaler.proto. Needs apt packages python3-grpcio and
/// python3-grpc-tools. Initially: one metric spec "queue" with target 10, metric "queue" = 0, IsActive false.
/// </summary>
internal sealed class ExternalScalerServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly Lazy<Task<string>> Stubs = new(GenerateStubsAsync);
    private readonly Process process;
    private readonly StringBuilder errors;
    private readonly SemaphoreSlim channel = new(1, 1);

    private ExternalScalerServer(Process process, StringBuilder errors, int port)
    {
        this.process = process;
        this.errors = errors;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The value for the trigger's <c>scalerAddress</c>: <c>127.0.0.1:PORT</c>.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>
    /// Starts a server, cleartext unless <paramref name="tls"/> is given. Without the service it is a
    /// gRPC server that is not an external scaler: every call is UNIMPLEMENTED.
    /// </summary>
    public static async Task<ExternalScalerServer> StartAsync(ExternalScalerServerTls? tls = null, bool withoutService = false)
    {
        var stubs = await Stubs.Value;
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "tests", "Crema.Tests", "Scalers", "External", "external_scaler_server.py"));
        start.ArgumentList.Add("--stubs");
        start.ArgumentList.Add(stubs);
        if (tls is not null)
        {
            start.ArgumentList.Add("--tls-cert");
            start.ArgumentList.Add(tls.CertificatePath);
            start.ArgumentList.Add("--tls-key");
            start.ArgumentList.Add(tls.KeyPath);
            if (tls.ClientCaPath is not null)
            {
                start.ArgumentList.Add("--client-ca");
                start.ArgumentList.Add(tls.ClientCaPath);
            }
        }
        if (withoutService)
        {
            start.ArgumentList.Add("--without-service");
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var first = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (first is null || !first.StartsWith("PORT ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new InvalidOperationException($"external scaler server did not start: {first}\n{errors}");
        }
        return new ExternalScalerServer(process, errors, int.Parse(first.AsSpan(5), CultureInfo.InvariantCulture));
    }

    /// <summary>GetMetrics for <paramref name="name"/> returns metricValueFloat and metricValue.</summary>
    public Task SetMetricAsync(string name, double value, long integerValue = 0) =>
        SendAsync(string.Create(CultureInfo.InvariantCulture, $"metric {name} {value:R} {integerValue}"));

    /// <summary>Adds or replaces a metric spec (targetSizeFloat, and the deprecated targetSize).</summary>
    public Task SetMetricSpecAsync(string name, double targetSizeFloat, long targetSize = 0) =>
        SendAsync(string.Create(CultureInfo.InvariantCulture, $"spec {name} {targetSizeFloat:R} {targetSize}"));

    public Task ClearMetricSpecsAsync() => SendAsync("clear-specs");

    /// <summary>Adds a metric spec (target 1, value 0) whose name makes GetMetricSpec's response about <paramref name="bytes"/> long.</summary>
    public Task AddBigMetricSpecAsync(int bytes) =>
        SendAsync(string.Create(CultureInfo.InvariantCulture, $"big-spec {bytes}"));

    /// <summary>Whether every response message is gzip-compressed.</summary>
    public Task SetCompressionAsync(bool gzip) => SendAsync(gzip ? "compress true" : "compress false");

    /// <summary>What IsActive returns.</summary>
    public Task SetActiveAsync(bool active) => SendAsync(active ? "active true" : "active false");

    /// <summary>Sends an IsActiveResponse on every open StreamIsActive call; returns how many streams got it.</summary>
    public async Task<int> PushActiveAsync(bool active) => ParseCount(await SendAsync(active ? "push true" : "push false"));

    /// <summary>Closes every open stream with status OK; returns how many were closed.</summary>
    public async Task<int> EndStreamsAsync() => ParseCount(await SendAsync("end-streams"));

    /// <summary>Ends every open stream with a gRPC status such as UNAVAILABLE; returns how many were ended.</summary>
    public async Task<int> AbortStreamsAsync(string statusName, string message = "") =>
        ParseCount(await SendAsync($"abort-streams {statusName} {message}"));

    public async Task<int> OpenStreamCountAsync() => ParseCount(await SendAsync("streams"));

    /// <summary>Waits (polling every 20 ms, up to 10 s) until exactly <paramref name="count"/> streams are open.</summary>
    public async Task WaitForOpenStreamsAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (await OpenStreamCountAsync() != count)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"expected {count} open StreamIsActive calls, have {await OpenStreamCountAsync()}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Makes <paramref name="method"/> answer with a gRPC status such as INVALID_ARGUMENT; "OK" clears.</summary>
    public Task FailAsync(string method, string statusName, string message = "") => SendAsync($"fail {method} {statusName} {message}");

    /// <summary>Unary calls wait this long before answering.</summary>
    public Task SetDelayAsync(TimeSpan delay) =>
        SendAsync(string.Create(CultureInfo.InvariantCulture, $"delay {delay.TotalSeconds:R}"));

    /// <summary>The last request to <paramref name="method"/> as JSON (null JSON when none).</summary>
    public async Task<JsonElement> LastRequestAsync(string method)
    {
        using var document = JsonDocument.Parse(await SendAsync("last " + method));
        return document.RootElement.Clone();
    }

    public async Task<int> CallCountAsync(string method) => ParseCount(await SendAsync("calls " + method));

    /// <summary>Distinct client connections (peer addresses) seen so far.</summary>
    public async Task<int> PeerCountAsync() => ParseCount(await SendAsync("peers"));

    /// <summary>Sends one raw command line; returns the text after "OK".</summary>
    public async Task<string> SendAsync(string command)
    {
        await channel.WaitAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.StandardInput.WriteLineAsync(command);
            await process.StandardInput.FlushAsync();
            var reply = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (reply is null || !reply.StartsWith("OK", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"command \"{command}\" failed: {reply}\n{Errors()}");
            }
            return reply.Length > 2 ? reply[3..] : string.Empty;
        }
        finally
        {
            channel.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await process.StandardInput.WriteLineAsync("quit");
                await process.StandardInput.FlushAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
        channel.Dispose();
    }

    private string Errors()
    {
        lock (errors)
        {
            return errors.ToString();
        }
    }

    private static int ParseCount(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static async Task<string> GenerateStubsAsync()
    {
        var protoDirectory = Path.Combine(RepositoryRoot.Path, "src", "Crema.Scalers", "External");
        var output = Directory.CreateTempSubdirectory("crema-external-stubs-").FullName;
        var (exitCode, _, errors) = await ToolRun.RunAsync(Python,
        [
            "-m", "grpc_tools.protoc", "-I", protoDirectory, "--python_out=" + output, "--grpc_python_out=" + output,
            Path.Combine(protoDirectory, "externalscaler.proto"),
        ]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException("grpc_tools.protoc failed (apt-get install python3-grpc-tools): " + errors);
        }
        return output;
    }
}
