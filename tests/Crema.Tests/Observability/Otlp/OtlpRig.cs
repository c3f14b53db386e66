using Crema.Host.Cli;
using Crema.Host.Observability.Otlp;
using Crema.Tests.Daemon;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Observability.Otlp;

/// <summary>
/// A daemon on the emulator (fake clock) exporting over OTLP, as <c>crema run</c> resolves the OTEL_* variables:
/// pool-a reads a loopback metrics API (value 3, basic auth from the environment), pool-b a value the test sets
/// (2). It runs as on Cloud Run (K_SERVICE, K_REVISION) with a loopback metadata server giving its instance id.
/// </summary>
internal sealed class OtlpRig : IAsyncDisposable
{
    public const string Token = "otlp-T0ken+Zq7";
    public const string Password = "S0urce#Pass-4k";
    public const string InstanceId = "00f1e2d3c4b5a697";
    public const string Revision = "crema-00007-xyz";
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly HttpStub source;
    private readonly HttpStub metadata;

    private OtlpRig(DaemonHarness harness, HttpStub source, HttpStub metadata, SettableScalerFactory scalers, StringWriter log)
    {
        Harness = harness;
        this.source = source;
        this.metadata = metadata;
        Scalers = scalers;
        Log = log;
    }

    public DaemonHarness Harness { get; }

    public SettableScalerFactory Scalers { get; }

    public StringWriter Log { get; }

    /// <summary>Starts the daemon exporting to <paramref name="endpoint"/>; <paramref name="variables"/> adds OTEL_* settings.</summary>
    public static async Task<OtlpRig> StartAsync(string endpoint, IReadOnlyDictionary<string, string>? variables = null, bool perTrigger = true)
    {
        var source = await HttpStub.StartAsync(200, """{"value": 3}""");
        var metadata = await HttpStub.StartAsync(context => context.Response.WriteAsync(InstanceId));
        var scalers = new SettableScalerFactory();
        scalers.Values["b"] = 2;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SOURCE_USER"] = "reader",
            ["SOURCE_PASSWORD"] = Password,
            ["K_SERVICE"] = "crema",
            ["K_REVISION"] = Revision,
            ["GCE_METADATA_HOST"] = new Uri(metadata.BaseAddress).Authority,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_HEADERS"] = $"authorization=Bearer%20{Uri.EscapeDataString(Token)},x-scope=crema-test",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "2000",
        };
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }
        OtlpArguments.TryResolve(null, null, environment.GetValueOrDefault, out var otlp, out var error).ShouldBeTrue(error);
        var log = new StringWriter();
        var harness = await DaemonHarness.StartAsync(Config(source.BaseAddress),
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1, [DaemonConfigs.PoolB] = 1 }, [scalers], environment: environment,
            configure: o => o with { Otlp = otlp, TriggerMetrics = perTrigger, LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Information });
        return new OtlpRig(harness, source, metadata, scalers, log);
    }

    /// <summary>Polls until pool-a runs 3 and pool-b <paramref name="b"/> instances.</summary>
    public Task ScaledAsync(int b = 2) => Harness.AdvanceUntilAsync(
        async () => await Harness.InstancesAsync(DaemonConfigs.PoolA) == 3 && await Harness.InstancesAsync(DaemonConfigs.PoolB) == b, Poll, 40, $"pool-a at 3, pool-b at {b}");

    /// <summary>The log lines so far that contain <paramref name="text"/>.</summary>
    public string[] LogLines(string text) => [.. Log.ToString().Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await source.DisposeAsync();
        await metadata.DisposeAsync();
    }

    private static string Config(string url) => $$"""
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: 1
          triggerAuthentications:
            - metadata: {name: source-auth}
              spec:
                env: [{parameter: username, name: SOURCE_USER}, {parameter: password, name: SOURCE_PASSWORD}]
          scaledObjects:
            - spec:
                scaleTargetRef: {name: {{DaemonConfigs.PoolA}}}
                maxReplicaCount: 5
                triggers:
                  - type: metrics-api
                    name: a
                    metadata: {url: "{{url}}", valueLocation: value, targetValue: "1", authModes: basic}
                    authenticationRef: {name: source-auth}
            - spec:
                scaleTargetRef: {name: {{DaemonConfigs.PoolB}}}
                maxReplicaCount: 5
                triggers:
                  - type: settable
                    name: b
                    metadata: {key: b, target: "1"}
        """;
}
