using Crema.Tests.Daemon;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Faults;

/// <summary>
/// One daemon on the emulator (fake clock) with three objects: pool-a (min 0, max 5) reads <see cref="Source"/>
/// with basic auth from a triggerAuthentication (the user from the environment, the password from
/// <see cref="Secrets"/>, a Secret Manager stand-in), pool-b and pool-c (min 1, max 5) read values the test sets.
/// Faults hit pool-a (its Cloud Run target or its source); pool-b and pool-c must not notice.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    /// <summary>The password pool-a's source gets; it must appear nowhere Crema writes.</summary>
    public const string Password = "Fa#ult+P@ss/91=zq";

    public const string User = "crema-reader";

    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>Crema's own project, where a bare secret id is read from.</summary>
    public const string Project = "crema-home";

    /// <summary>The Secret Manager id pool-a's password is read from at start.</summary>
    public const string PasswordSecret = "source-password";

    private FaultRig(DaemonHarness harness, FaultySource source, FakeSecretsServer secrets, SettableScalerFactory scalers, StringWriter log)
    {
        Harness = harness;
        Source = source;
        Secrets = secrets;
        Scalers = scalers;
        Log = log;
    }

    public DaemonHarness Harness { get; }

    public FaultySource Source { get; }

    public FakeSecretsServer Secrets { get; }

    public SettableScalerFactory Scalers { get; }

    public StringWriter Log { get; }

    /// <summary>The config the daemon started with (a broken reload puts it back to clear).</summary>
    public string Yaml { get; private set; } = "";

    /// <summary>Objects by target, with their bounds.</summary>
    public static IReadOnlyList<(string Target, int Min, int Max)> Objects { get; } =
    [
        (DaemonConfigs.PoolA, 0, 5),
        (DaemonConfigs.PoolB, 1, 5),
        (DaemonConfigs.PoolC, 1, 5),
    ];

    public static async Task<FaultRig> StartAsync()
    {
        var source = await FaultySource.StartAsync();
        source.Value = 3;
        var scalers = new SettableScalerFactory();
        scalers.Values["b"] = 2;
        scalers.Values["c"] = 3;
        var secrets = await FakeSecretsServer.StartAsync();
        secrets.Secrets[SecretVersion(PasswordSecret)] = Password;
        var log = new StringWriter();
        var yaml = Config(source.Url, PasswordSecret);
        var harness = await DaemonHarness.StartAsync(yaml,
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1, [DaemonConfigs.PoolB] = 1, [DaemonConfigs.PoolC] = 1 }, [scalers],
            environment: new Dictionary<string, string>
            {
                ["SOURCE_USER"] = User,
                ["CREMA_SECRETMANAGER_ENDPOINT"] = secrets.BaseUrl.AbsoluteUri,
                ["GOOGLE_CLOUD_PROJECT"] = Project,
            },
            configure: o => o with { LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Debug });
        return new FaultRig(harness, source, secrets, scalers, log) { Yaml = yaml };
    }

    /// <summary>The full version name Crema reads for a bare secret id.</summary>
    public static string SecretVersion(string id) => $"projects/{Project}/secrets/{id}/versions/latest";

    /// <summary>The same config with pool-a's password read from another secret: a reload that needs a Secret Manager read.</summary>
    public string WithPasswordSecret(string id) => Config(Source.Url, id);

    public async Task<IReadOnlyDictionary<string, int>> CountsAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (target, _, _) in Objects)
        {
            var history = await Harness.HistoryAsync(target);
            counts[target] = history.Length == 0 ? -1 : history[^1];
        }
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Source.DisposeAsync();
        await Secrets.DisposeAsync();
    }

    private static string Config(string url, string passwordSecret) => $$"""
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: 1
          triggerAuthentications:
            - metadata: {name: source-auth}
              spec:
                env: [{parameter: username, name: SOURCE_USER}]
                gcpSecretManager:
                  secrets: [{parameter: password, id: {{passwordSecret}}}]
          scaledObjects:
            - spec:
                scaleTargetRef: {name: {{DaemonConfigs.PoolA}}}
                minReplicaCount: 0
                maxReplicaCount: 5
                cooldownPeriod: 10
                triggers:
                  - type: metrics-api
                    name: a
                    metadata: {url: "{{url}}", valueLocation: value, targetValue: "1", authModes: basic}
                    authenticationRef: {name: source-auth}
            - spec:
                scaleTargetRef: {name: {{DaemonConfigs.PoolB}}}
                minReplicaCount: 1
                maxReplicaCount: 5
                cooldownPeriod: 10
                triggers:
                  - type: settable
                    name: b
                    metadata: {key: b, target: "1"}
            - spec:
                scaleTargetRef: {name: {{DaemonConfigs.PoolC}}}
                minReplicaCount: 1
                maxReplicaCount: 5
                cooldownPeriod: 10
                triggers:
                  - type: settable
                    name: c
                    metadata: {key: c, target: "1"}
        """;
}
