using System.Text;
using Crema.Scalers.AwsSqs;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.AwsSqs;

/// <summary>Failures read clearly, fast, bounded on the injected clock, and never carry a secret in any encoding.</summary>
public sealed class AwsSqsFaultTests
{
    [Fact]
    public async Task Read_UnknownAccessKey_InvalidClientTokenIdNamesTheKeyToCheck()
    {
        await using var sqs = await SqsStandIn.StartAsync();
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (1, 0, 0);
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint);

        var error = await ReadFailureAsync(scaler);

        error.Message.ShouldBe($"aws-sqs-queue: queue orders at {sqs.Endpoint}: AWS does not know the access key (InvalidClientTokenId, HTTP 403) that access key AKIA... signs with: check awsAccessKeyID (and awsSessionToken for temporary credentials)");
        ShouldHoldNoSecret(error);
    }

    [Fact]
    public async Task Read_WrongSecret_SignatureDoesNotMatchAndNoSecretInAnyEncoding()
    {
        await using var sqs = await SqsStandIn.StartAsync();
        sqs.Keys[AwsSqsTriggers.AccessKeyId] = "the-real-secret-differs";
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (1, 0, 0);
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint);

        var error = await ReadFailureAsync(scaler);

        error.Message.ShouldEndWith(": the request signature was rejected (SignatureDoesNotMatch, HTTP 403): check awsSecretAccessKey and awsRegion");
        ShouldHoldNoSecret(error);
    }

    [Fact]
    public async Task Read_AccessDenied_SaysWhichPermissionIsMissing()
    {
        await using var sqs = await SqsStandIn.StartAsync();
        sqs.Keys[AwsSqsTriggers.AccessKeyId] = AwsSqsTriggers.SecretAccessKey;
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (1, 0, 0);
        sqs.Denied[AwsSqsTriggers.QueueUrl] = true;
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint);

        var error = await ReadFailureAsync(scaler);

        error.Message.ShouldEndWith(": access denied (AccessDenied, HTTP 403): access key AKIA... needs sqs:GetQueueAttributes on this queue");
        ShouldHoldNoSecret(error);
    }

    [Fact]
    public async Task Read_NonexistentQueue_SaysToCheckQueueUrlAndRegion()
    {
        await using var sqs = await SqsStandIn.StartAsync();
        sqs.Keys[AwsSqsTriggers.AccessKeyId] = AwsSqsTriggers.SecretAccessKey;
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint);

        var error = await ReadFailureAsync(scaler);

        error.Message.ShouldBe($"aws-sqs-queue: queue orders at {sqs.Endpoint}: the queue does not exist (AWS.SimpleQueueService.NonExistentQueue): check queueURL and awsRegion");
    }

    [Fact]
    public async Task Read_MalformedAttribute_IsAnErrorNotZero()
    {
        await using var sqs = await SqsStandIn.StartAsync();
        sqs.Keys[AwsSqsTriggers.AccessKeyId] = AwsSqsTriggers.SecretAccessKey;
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (1, 0, 0);
        sqs.BodyOverride = """{"Attributes":{"ApproximateNumberOfMessages":"NotInt","ApproximateNumberOfMessagesNotVisible":"NotInt"}}""";
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint);

        var error = await ReadFailureAsync(scaler);

        error.Message.ShouldBe("aws-sqs-queue: queue orders: attribute ApproximateNumberOfMessages is \"NotInt\", not an integer");
    }

    [Fact]
    public async Task Read_ServerDown_FailsFastWithCannotConnect()
    {
        var port = FreeTcpPort.Next();
        await using var scaler = AwsSqsTriggers.Create($"http://127.0.0.1:{port}");
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await ReadFailureAsync(scaler);

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        error.Message.ShouldStartWith($"aws-sqs-queue: queue orders at http://127.0.0.1:{port}: cannot connect: ");
        ShouldHoldNoSecret(error);
    }

    [Fact]
    public async Task Read_NoAnswer_TimesOutOnTheInjectedClock()
    {
        await using var sqs = await SqsStandIn.StartAsync();
        sqs.Keys[AwsSqsTriggers.AccessKeyId] = AwsSqsTriggers.SecretAccessKey;
        sqs.Queues[AwsSqsTriggers.QueueUrl] = (1, 0, 0);
        sqs.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var time = new TimerSignallingTimeProvider();
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint, time: time);

        var read = scaler.ReadAsync(CancellationToken.None).AsTask();
        await sqs.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        read.IsCompleted.ShouldBeFalse();
        time.Advance(AwsSqsMetadata.DefaultTimeout);
        var error = await Should.ThrowAsync<AwsSqsException>(() => read.WaitAsync(TimeSpan.FromSeconds(30)));

        error.Message.ShouldBe($"aws-sqs-queue: queue orders at {sqs.Endpoint}: no answer within 3 s");
        sqs.Hold.TrySetResult();
    }

    [Fact]
    public async Task Read_CallerCancels_ThrowsOperationCanceled()
    {
        await using var sqs = await SqsStandIn.StartAsync();
        sqs.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var scaler = AwsSqsTriggers.Create(sqs.Endpoint);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => scaler.ReadAsync(cancel.Token).AsTask());
        sqs.Hold.TrySetResult();
    }

    private static async Task<AwsSqsException> ReadFailureAsync(Crema.Abstractions.IScaler scaler) =>
        await Should.ThrowAsync<AwsSqsException>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));

    private static void ShouldHoldNoSecret(Exception error)
    {
        var secret = AwsSqsTriggers.SecretAccessKey;
        var text = error.ToString();
        foreach (var form in new[] { secret, Uri.EscapeDataString(secret), Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), Convert.ToHexString(Encoding.UTF8.GetBytes(secret)) })
        {
            text.ShouldNotContain(form, Case.Insensitive);
        }
    }
}
