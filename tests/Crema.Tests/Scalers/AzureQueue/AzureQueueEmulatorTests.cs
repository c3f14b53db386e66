using System.Text;
using Azure.Storage.Queues;
using Crema.Scalers.AzureQueue;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.AzureQueue;

/// <summary>Reads against Azurite, Microsoft's storage emulator: KEDA's two strategies, and the faults (bad key, missing queue, emulator down, no answer).</summary>
public sealed class AzureQueueEmulatorTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string WrongKey = "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXktd3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXk=";

    private AzuriteServer Azurite => fixture.Server;

    [Fact]
    public async Task Read_AllStrategy_IsTheApproximateCountWithInvisibleMessages()
    {
        var queue = await QueueWithAsync("all-strategy", messages: 10, received: 3);
        await using var scaler = AzureQueueTriggers.Create(Azurite.ConnectionString(), queue.Name, "queueLength=4|activationQueueLength=9");

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(10);
        reading.Target.ShouldBe(4);
        reading.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Read_VisibleOnlyUnder32_CountsThePeekedVisibleMessages()
    {
        var queue = await QueueWithAsync("visible-few", messages: 10, received: 3);
        await using var scaler = AzureQueueTriggers.Create(Azurite.ConnectionString(), queue.Name, "queueLengthStrategy=visibleonly");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(7);
    }

    [Fact]
    public async Task Read_VisibleOnlyFullPeek_FallsBackToTheApproximateCount()
    {
        var queue = await QueueWithAsync("visible-many", messages: 40, received: 2);
        await using var scaler = AzureQueueTriggers.Create(Azurite.ConnectionString(), queue.Name, "queueLengthStrategy=visibleonly");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(40);
    }

    [Fact]
    public async Task Read_EmptyQueue_IsInactiveAtZero()
    {
        var queue = await QueueWithAsync("empty", messages: 0, received: 0);
        await using var scaler = AzureQueueTriggers.Create(Azurite.ConnectionString(), queue.Name);

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(0);
        reading.IsActive.ShouldBeFalse();
    }

    [Theory]
    [InlineData("all")]
    [InlineData("visibleonly")]
    public async Task Read_WrongAccountKey_AuthenticationFailedWithoutKeyOrSignature(string strategy)
    {
        var queue = await QueueWithAsync("bad-key-" + strategy, messages: 1, received: 0);
        await using var scaler = AzureQueueTriggers.Create(Azurite.ConnectionString(WrongKey), queue.Name, "queueLengthStrategy=" + strategy);

        var error = await Should.ThrowAsync<AzureQueueException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe($"azure-queue: queue {queue.Name} at http://127.0.0.1:{Azurite.Port}: the storage account rejected the request signature (AuthenticationFailed, HTTP 403): check AccountName and AccountKey in connection");
        ShouldHoldNoSecret(error, WrongKey);
        error.ToString().ShouldNotContain("SharedKey", Case.Insensitive);
        error.ToString().ShouldNotContain("signature found", Case.Insensitive);
    }

    [Fact]
    public async Task Read_MissingQueue_QueueNotFound()
    {
        await using var scaler = AzureQueueTriggers.Create(Azurite.ConnectionString(), "no-such-queue");

        var error = await Should.ThrowAsync<AzureQueueException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe($"azure-queue: queue no-such-queue at http://127.0.0.1:{Azurite.Port}: the queue does not exist (QueueNotFound, HTTP 404): check queueName and the account in connection");
    }

    [Fact]
    public async Task Read_EmulatorDown_FailsFastWithCannotConnect()
    {
        var port = FreeTcpPort.Next();
        var connection = $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.Account};AccountKey={AzuriteServer.AccountKey};QueueEndpoint=http://127.0.0.1:{port}/{AzuriteServer.Account};";
        await using var scaler = AzureQueueTriggers.Create(connection, "orders");
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Should.ThrowAsync<AzureQueueException>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        error.Message.ShouldStartWith($"azure-queue: queue orders at http://127.0.0.1:{port}: cannot connect: ");
        ShouldHoldNoSecret(error, AzuriteServer.AccountKey);
    }

    [Fact]
    public async Task Read_NoAnswer_TimesOutOnTheInjectedClock()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var silent = await HttpStub.StartAsync(async context =>
        {
            arrived.TrySetResult();
            await hold.Task.WaitAsync(context.RequestAborted);
        });
        var connection = $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.Account};AccountKey={AzuriteServer.AccountKey};QueueEndpoint={silent.BaseAddress}/{AzuriteServer.Account};";
        var time = new TimerSignallingTimeProvider();
        await using var scaler = AzureQueueTriggers.Create(connection, "orders", time: time);

        var read = scaler.ReadAsync(CancellationToken.None).AsTask();
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        read.IsCompleted.ShouldBeFalse();
        time.Advance(AzureQueueMetadata.DefaultTimeout);
        var error = await Should.ThrowAsync<AzureQueueException>(() => read.WaitAsync(TimeSpan.FromSeconds(30)));

        error.Message.ShouldBe($"azure-queue: queue orders at {silent.BaseAddress}: no answer within 3 s");
        hold.TrySetResult();
    }

    private async Task<QueueClient> QueueWithAsync(string name, int messages, int received)
    {
        var queue = new QueueClient(Azurite.ConnectionString(), name);
        await queue.CreateIfNotExistsAsync();
        for (var i = 0; i < messages; i++)
        {
            await queue.SendMessageAsync($"job {i}");
        }
        if (received > 0)
        {
            // Received messages stay invisible for 10 minutes: in flight.
            (await queue.ReceiveMessagesAsync(received, TimeSpan.FromMinutes(10))).Value.Length.ShouldBe(received);
        }
        return queue;
    }

    private static void ShouldHoldNoSecret(Exception error, string key)
    {
        var text = error.ToString();
        foreach (var form in new[] { key, Uri.EscapeDataString(key), key.TrimEnd('='), Convert.ToHexString(Convert.FromBase64String(key)), Convert.ToBase64String(Encoding.UTF8.GetBytes(key)) })
        {
            text.ShouldNotContain(form, Case.Insensitive);
        }
    }
}
