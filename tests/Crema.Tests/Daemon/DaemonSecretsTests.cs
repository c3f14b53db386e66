using Crema.Host.Daemon;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Daemon;

/// <summary>triggerAuthentications in the daemon: env, file, secretTargetRef and Secret Manager values reach the scaler, never the outside.</summary>
public sealed class DaemonSecretsTests : IDisposable
{
    // A bare id is read from Crema's own project (GOOGLE_CLOUD_PROJECT here), not from the target's project "e2e", as CREMA does.
    private const string OwnProject = "crema-home";
    private const string SecretName = "projects/crema-home/secrets/api-token/versions/latest";
    private const string RefValue = "ref-key-5e8a91\n";
    private const string SmValue = "sm-token-6f1d2c";
    private const string EnvValue = "env-password-91ab";
    private const string FileValue = "file-cert-77ce30";
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private readonly string directory = Directory.CreateTempSubdirectory("crema-secrets-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Run_AuthenticationWithEnvFileSecretTargetRefAndSecretManager_ReachesScalerAuthParams()
    {
        await using var secrets = await FakeSecretsServer.StartAsync();
        secrets.Secrets[SecretName] = SmValue;
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 1;
        await using var harness = await StartAsync(secrets, scalers, new StringWriter());

        await harness.AdvanceUntilAsync(() => Task.FromResult(!scalers.Contexts.IsEmpty), Poll, 20, "scaler built");

        var authParams = scalers.Contexts.Single().AuthParams;
        authParams["token"].ShouldBe(SmValue);
        authParams["password"].ShouldBe(EnvValue);
        authParams["certificate"].ShouldBe(FileValue, "the file's trailing newline is dropped");
        authParams["apiKey"].ShouldBe(RefValue, "a Secret's bytes are passed unchanged, as KEDA passes them");
        secrets.Accessed.ShouldBe([SecretName + ":access"]);
    }

    [Fact]
    public async Task Run_ScalerErrorEchoesSecrets_NoSecretInStatusMetricsPageOrLogs()
    {
        await using var secrets = await FakeSecretsServer.StartAsync();
        secrets.Secrets[SecretName] = SmValue;
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 1;
        scalers.Errors["a"] = $"401 from source: token {SmValue}, password {EnvValue}, certificate {FileValue}, key {RefValue.TrimEnd()} rejected";
        var log = new StringWriter();
        await using var harness = await StartAsync(secrets, scalers, log);

        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("triggers")[0].GetProperty("lastError").GetString() is not null,
            Poll, 20, "trigger error on /status");
        for (var i = 0; i < 3; i++)
        {
            await harness.StepAsync(Poll, DaemonConfigs.PoolA);
        }

        var status = (await harness.StatusAsync()).ToString();
        status.ShouldContain("401 from source: token [redacted], password [redacted], certificate [redacted], key [redacted] rejected",
            customMessage: "a value read with its trailing newline is also redacted without it");
        var metrics = await harness.MetricsAsync();
        metrics.ShouldContain("crema_trigger_errors_total");
        var page = await harness.Http.GetStringAsync(harness.Daemon.BaseAddress);
        await harness.StopDaemonAsync();
        var logText = log.ToString();
        logText.ShouldContain("[redacted]", customMessage: "the failure itself is logged");
        foreach (var secret in new[] { SmValue, EnvValue, FileValue, RefValue.TrimEnd() })
        {
            status.ShouldNotContain(secret);
            metrics.ShouldNotContain(secret);
            page.ShouldNotContain(secret);
            logText.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task Run_SecretManagerValue_CachedThenReadAgainAfterRefreshIntervalAndRotationRebuildsScaler()
    {
        await using var secrets = await FakeSecretsServer.StartAsync();
        secrets.Secrets[SecretName] = SmValue;
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 1;
        await using var harness = await StartAsync(secrets, scalers, new StringWriter());
        await harness.AdvanceUntilAsync(() => Task.FromResult(!scalers.Contexts.IsEmpty), Poll, 20, "scaler built");
        var builtAt = harness.Time.GetUtcNow();

        secrets.Secrets[SecretName] = "sm-token-rotated-0042";
        while (harness.Time.GetUtcNow() - builtAt < AuthParamResolver.SecretRefreshInterval - TimeSpan.FromSeconds(30))
        {
            await harness.StepAsync(TimeSpan.FromSeconds(30), DaemonConfigs.PoolA);
        }
        secrets.Accessed.Count.ShouldBe(1, "the value is cached for the refresh interval");
        scalers.Built.ShouldBe(1);

        await harness.StepAsync(TimeSpan.FromSeconds(30), DaemonConfigs.PoolA);
        await harness.StepAsync(TimeSpan.FromSeconds(30), DaemonConfigs.PoolA);
        secrets.Accessed.Count.ShouldBe(2, "read again once the refresh interval has passed");
        scalers.Built.ShouldBe(2, "the rotated value rebuilds the scaler");
        scalers.Contexts.Last().AuthParams["token"].ShouldBe("sm-token-rotated-0042");

        var readAgainAt = harness.Time.GetUtcNow();
        while (harness.Time.GetUtcNow() - readAgainAt < AuthParamResolver.SecretRefreshInterval + TimeSpan.FromSeconds(30))
        {
            await harness.StepAsync(TimeSpan.FromSeconds(30), DaemonConfigs.PoolA);
        }
        secrets.Accessed.Count.ShouldBe(3);
        scalers.Built.ShouldBe(2, "an unchanged value keeps the running scaler");
    }

    [Fact]
    public async Task Run_SecretManagerFailsAtRefresh_ScalerKeepsItsValuesAndOneWarningThenOneRecoveryLine()
    {
        await using var secrets = await FakeSecretsServer.StartAsync();
        secrets.Secrets[SecretName] = SmValue;
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        var log = new StringWriter();
        await using var harness = await StartAsync(secrets, scalers, log);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, Poll, 20, "scaled from the first read");

        secrets.FailStatus = 403;
        var failedAt = harness.Time.GetUtcNow();
        while (harness.Time.GetUtcNow() - failedAt < AuthParamResolver.SecretRefreshInterval * 3)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(30), DaemonConfigs.PoolA);
        }
        scalers.Values["a"] = 4;
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 4, Poll, 20, "the scaler still reads with the values it was built with");

        secrets.Accessed.Count.ShouldBeGreaterThan(3, "each refresh is tried again");
        scalers.Built.ShouldBe(1, "a failed refresh keeps the running scaler");
        Lines(log, "could not be read again").ShouldBe(1, "one warning for one unchanged error");
        log.ToString().ShouldContain("pool-a: trigger a: its secrets could not be read again (");

        secrets.FailStatus = null;
        var recoveredAt = harness.Time.GetUtcNow();
        while (harness.Time.GetUtcNow() - recoveredAt < AuthParamResolver.SecretRefreshInterval + TimeSpan.FromSeconds(30))
        {
            await harness.StepAsync(TimeSpan.FromSeconds(30), DaemonConfigs.PoolA);
        }
        Lines(log, "its secrets are read again").ShouldBe(1);
        log.ToString().ShouldNotContain(SmValue);
    }

    private static int Lines(StringWriter log, string text) =>
        log.ToString().Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task Run_SecretTargetRefFileRotated_ReadAgainAfterRefreshIntervalAndScalerRebuilt()
    {
        await using var secrets = await FakeSecretsServer.StartAsync();
        secrets.Secrets[SecretName] = SmValue;
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 1;
        await using var harness = await StartAsync(secrets, scalers, new StringWriter());
        await harness.AdvanceUntilAsync(() => Task.FromResult(!scalers.Contexts.IsEmpty), Poll, 60, "scaler built");
        var builtAt = harness.Time.GetUtcNow();

        // Kubernetes and Cloud Run swap the mounted file when the Secret changes.
        await File.WriteAllTextAsync(RefFile, "ref-key-rotated-77");
        while (harness.Time.GetUtcNow() - builtAt < AuthParamResolver.SecretRefreshInterval + TimeSpan.FromSeconds(30))
        {
            await harness.StepAsync(TimeSpan.FromSeconds(30), DaemonConfigs.PoolA);
        }

        scalers.Built.ShouldBe(2, "the rotated Secret rebuilds the scaler");
        scalers.Contexts.Last().AuthParams["apiKey"].ShouldBe("ref-key-rotated-77");
    }

    private string RefFile => Path.Combine(directory, "secrets", "source-secret", "api-key");

    private async Task<DaemonHarness> StartAsync(FakeSecretsServer secrets, SettableScalerFactory scalers, StringWriter log)
    {
        var certificate = Path.Combine(directory, "certificate");
        await File.WriteAllTextAsync(certificate, FileValue + "\n");
        Directory.CreateDirectory(Path.Combine(directory, "secrets", "source-secret"));
        await File.WriteAllTextAsync(RefFile, RefValue);
        var yaml = $$"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 1
              triggerAuthentications:
                - metadata: {name: source-auth}
                  spec:
                    env: [{parameter: password, name: SOURCE_PASSWORD}]
                    file: [{parameter: certificate, path: "{{certificate}}"}]
                    secretTargetRef: [{parameter: apiKey, name: source-secret, key: api-key}]
                    gcpSecretManager:
                      secrets: [{parameter: token, id: api-token}]
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: {{DaemonConfigs.PoolA}}}
                    maxReplicaCount: 5
                    triggers:
                      - type: settable
                        name: a
                        metadata: {key: a, target: "1"}
                        authenticationRef: {name: source-auth}
            """;
        return await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            environment: new Dictionary<string, string>
            {
                ["CREMA_SECRETMANAGER_ENDPOINT"] = secrets.BaseUrl.AbsoluteUri,
                ["SOURCE_PASSWORD"] = EnvValue,
                ["GOOGLE_CLOUD_PROJECT"] = OwnProject,
                ["CREMA_SECRETS_DIR"] = Path.Combine(directory, "secrets"),
            },
            configure: o => o with { LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Debug });
    }
}
