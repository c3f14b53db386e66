using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Scalers.Beanstalkd;

/// <summary>What the scaler sends and how it reads replies, against a loopback stand-in (as KEDA's createTestServer).</summary>
public sealed class BeanstalkdWireTests : IAsyncLifetime
{
    private BeanstalkdStandIn server = null!;

    public Task InitializeAsync()
    {
        server = BeanstalkdStandIn.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Read_StatsReply_SendsStatsTubeAndCountsReadyAndReserved()
    {
        server.Reply = BeanstalkdStandIn.Ok("---\nname: emails\ncurrent-jobs-ready: 4\ncurrent-jobs-reserved: 3\ncurrent-jobs-delayed: 2\ncurrent-jobs-buried: 1\n");
        await using var scaler = BeanstalkdTriggers.Scaler(server.Address, "emails", new FakeTimeProvider());

        var reading = await scaler.ReadAsync(CancellationToken.None);

        server.Commands.ShouldBe(["stats-tube emails\r\n"]);
        reading.Value.ShouldBe(7);
        reading.IsActive.ShouldBeTrue();
        reading.Note.ShouldBeNull();
        reading.Details.ShouldBe(new Dictionary<string, double> { ["jobs_ready"] = 4, ["jobs_reserved"] = 3, ["jobs_delayed"] = 2, ["jobs_buried"] = 1 });
    }

    // KEDA's TestGetTubeStatsNotFound.
    [Fact]
    public async Task Read_NotFound_ReadsZeroInactiveWithANote()
    {
        await using var scaler = BeanstalkdTriggers.Scaler(server.Address, "emails", new FakeTimeProvider());

        var reading = await scaler.ReadAsync(CancellationToken.None);

        reading.Value.ShouldBe(0);
        reading.IsActive.ShouldBeFalse();
        reading.Note.ShouldBe("tube \"emails\" not found on the server: read as 0 jobs (KEDA's rule)");
    }

    [Theory]
    [InlineData("INTERNAL_ERROR\r\n", "answered stats-tube with \"INTERNAL_ERROR\"")]
    [InlineData("OUT_OF_MEMORY\r\n", "answered stats-tube with \"OUT_OF_MEMORY\"")]
    [InlineData("HTTP/1.1 400 Bad Request\r\n", "answered stats-tube with \"HTTP/1.1 400 Bad Request\" (is it a beanstalkd port?)")]
    [InlineData("\u001b[2J\u202eEVIL\r\n", "answered stats-tube with \"\\x1b[2J\\u202eEVIL\" (is it a beanstalkd port?)")]
    [InlineData("OK 99999999\r\n", ": the stats-tube reply announces 99999999 bytes, more than the 65536 read")]
    [InlineData("OK 50\r\ncurrent-jobs-ready: 1\r\n", ": the server closed the connection before the reply was complete")]
    [InlineData("OK 2\r\nabcd", ": the stats-tube body does not end where its length says")]
    [InlineData("NOT_FOUND", ": the server closed the connection before the reply was complete")]
    public async Task Read_UnexpectedReply_FailsNamingTheServerWithEscapedText(string reply, string expected)
    {
        server.Reply = Encoding.UTF8.GetBytes(reply);
        await using var scaler = BeanstalkdTriggers.Scaler(server.Address, "emails", new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(20)));

        error.Message.ShouldBe($"beanstalkd at {server.Address}{(expected.StartsWith(':') ? "" : " ")}{expected}");
    }

    [Fact]
    public async Task Read_FirstLineWithoutEnd_IsCapped()
    {
        server.Reply = Encoding.ASCII.GetBytes(new string('x', 10_000));
        await using var scaler = BeanstalkdTriggers.Scaler(server.Address, "emails", new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(async () => await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(20)));

        error.Message.ShouldBe($"beanstalkd at {server.Address}: the reply's first line is longer than 256 bytes (is it a beanstalkd port?)");
    }

    [Fact]
    public async Task Read_ServerSilent_TimesOutOnTheInjectedClock()
    {
        server.Reply = null;
        var time = new FakeTimeProvider();
        await using var scaler = BeanstalkdTriggers.Scaler(server.Address, "emails", time, "timeout=2s");

        var read = scaler.ReadAsync(CancellationToken.None).AsTask();
        await server.Received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromMilliseconds(1999));
        read.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Should.ThrowAsync<TimeoutException>(() => read.WaitAsync(TimeSpan.FromSeconds(20)));
        error.Message.ShouldBe($"beanstalkd at {server.Address}: no answer to stats-tube within 2000ms");
    }

    [Fact]
    public async Task Read_CallerCancels_IsNotReportedAsATimeout()
    {
        server.Reply = null;
        await using var scaler = BeanstalkdTriggers.Scaler(server.Address, "emails", new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();

        var read = scaler.ReadAsync(cancel.Token).AsTask();
        await server.Received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromSeconds(20)));
    }
}
