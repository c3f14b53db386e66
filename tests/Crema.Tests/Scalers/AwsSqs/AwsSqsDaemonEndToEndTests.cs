using System.Net.Http.Json;
using System.Text.Json;
using Crema.Tests.Daemon;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Scalers.AwsSqs;

/// <summary>`crema run` end to end: an SQS stand-in reports a queue's messages; Crema scales the emulated pool, and a bad key never scales it down.</summary>
public sealed class AwsSqsDaemonEndToEndTests
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/sqs-workers";

    [Fact]
    public async Task Run_QueueFillsThenDrains_ScalesUpThenToZeroAfterCooldown()
    {
        await using var sqs = await SqsStandIn.StartAsync();
        sqs.Keys[AwsSqsTriggers.AccessKeyId] = AwsSqsTriggers.SecretAccessKey;
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (0, 0, 0);
        await WarmUpAsync(sqs);
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(Yaml(sqs.Endpoint), new Dictionary<string, int> { [Pool] = 0 },
            environment: Credentials(AwsSqsTriggers.SecretAccessKey),
            configure: o => o with { LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Debug });

        sqs.Queues[AwsSqsTriggers.QueueUrl] = (30, 15, 100);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 5, TimeSpan.FromSeconds(5), 20, "scale up to ceil((30 + 15) / 10)");
        var scaledUpAt = harness.Time.GetUtcNow();

        sqs.Queues[AwsSqsTriggers.QueueUrl] = (0, 0, 100);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 30, "scale to zero after cooldown (delayed messages do not count)");

        (harness.Time.GetUtcNow() - scaledUpAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        var history = await harness.Http.GetFromJsonAsync<JsonElement>(new Uri(harness.Emulator.BaseAddress, "emulator/history"));
        DaemonPrometheusEndToEndTests.HistoryCounts(history, Pool).ShouldBe([0, 1, 4, 5, 0]);
        sqs.Requests.ShouldAllBe(r => r.Authorization.StartsWith("AWS4-HMAC-SHA256 Credential=" + AwsSqsTriggers.AccessKeyId + "/", StringComparison.Ordinal));
        log.ToString().ShouldNotContain(AwsSqsTriggers.SecretAccessKey);
    }

    [Fact]
    public async Task Run_WrongSecret_ReportsTheErrorAndNeverScalesDown()
    {
        await using var sqs = await SqsStandIn.StartAsync();
        sqs.Keys[AwsSqsTriggers.AccessKeyId] = "the-real-secret";
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (0, 0, 0);
        await WarmUpAsync(sqs);
        var log = new StringWriter();
        await using var harness = await DaemonHarness.StartAsync(Yaml(sqs.Endpoint), new Dictionary<string, int> { [Pool] = 3 },
            environment: Credentials(AwsSqsTriggers.SecretAccessKey),
            configure: o => o with { LogOutput = TextWriter.Synchronized(log), LogLevel = LogLevel.Debug });

        for (var i = 0; i < 12; i++)
        {
            await harness.StepAsync(TimeSpan.FromSeconds(5), Pool);
        }

        (await harness.InstancesAsync(Pool)).ShouldBe(3);
        var status = (await harness.StatusAsync()).ToString();
        status.ShouldContain("SignatureDoesNotMatch");
        foreach (var text in new[] { status, await harness.MetricsAsync(), log.ToString() })
        {
            text.ShouldNotContain(AwsSqsTriggers.SecretAccessKey);
            text.ShouldNotContain(Uri.EscapeDataString(AwsSqsTriggers.SecretAccessKey));
        }
    }

    /// <summary>
    /// One read before the daemon starts, so the AWS SDK's first-use cost (loading and JIT, seconds on a loaded machine) is
    /// not spent inside the daemon's first poll, whose deadline runs on the harness's fake clock.
    /// </summary>
    private static async Task WarmUpAsync(SqsStandIn sqs)
    {
        sqs.Keys["AKIAWARMUP"] = "warm-up";
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint, "queueURL=warm-up", auth: "awsAccessKeyID=AKIAWARMUP|awsSecretAccessKey=warm-up");
        await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask());
        sqs.Requests.Clear();
    }

    private static Dictionary<string, string> Credentials(string secret) =>
        new() { ["SQS_KEY_ID"] = AwsSqsTriggers.AccessKeyId, ["SQS_SECRET"] = secret };

    private static string Yaml(string endpoint) => $$"""
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: 5
          triggerAuthentications:
            - metadata: {name: aws-credentials}
              spec:
                env:
                  - {parameter: awsAccessKeyID, name: SQS_KEY_ID}
                  - {parameter: awsSecretAccessKey, name: SQS_SECRET}
          scaledObjects:
            - spec:
                scaleTargetRef: {name: {{Pool}}}
                maxReplicaCount: 10
                cooldownPeriod: 30
                triggers:
                  - type: aws-sqs-queue
                    name: orders-queue
                    metadata: {queueURL: "{{AwsSqsTriggers.QueueUrl}}", awsRegion: eu-west-1, awsEndpoint: "{{endpoint}}", queueLength: "10"}
                    authenticationRef: {name: aws-credentials}
        """;
}
