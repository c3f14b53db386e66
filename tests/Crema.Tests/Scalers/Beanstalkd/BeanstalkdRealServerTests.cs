using System.Globalization;
using Crema.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crema.Tests.Scalers.Beanstalkd;

/// <summary>The scaler against a real beanstalkd 1.12: which jobs count, a missing tube, and what goes wrong.</summary>
public sealed class BeanstalkdRealServerTests(BeanstalkdServerFixture fixture) : IClassFixture<BeanstalkdServerFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>A tube with 3 ready jobs, 2 reserved, 1 buried and 4 delayed by an hour.</summary>
    private async Task<string> MixedTubeAsync()
    {
        var tube = BeanstalkdServerFixture.NewTube();
        await using var producer = await fixture.Server.ConnectAsync();
        await producer.PutAsync(tube, 6);
        await producer.PutAsync(tube, 4, delaySeconds: 3600);
        // The worker keeps its connection (and so its reservations) until the test ends.
        var worker = await fixture.Server.ConnectAsync();
        var reserved = await worker.ReserveAsync(tube, 3);
        await worker.BuryAsync(reserved[0]);
        return tube;
    }

    [Fact]
    public async Task Read_MixedTube_CountsReadyAndReservedOnly()
    {
        var tube = await MixedTubeAsync();
        await using var scaler = BeanstalkdTriggers.Scaler(fixture.Server.Address, tube, new FakeTimeProvider(), "value=2");

        var reading = await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        reading.Value.ShouldBe(5); // 3 ready + 2 reserved; the buried and the delayed jobs do not count
        reading.Target.ShouldBe(2);
        reading.IsActive.ShouldBeTrue();
        reading.Details.ShouldBe(new Dictionary<string, double> { ["jobs_ready"] = 3, ["jobs_reserved"] = 2, ["jobs_delayed"] = 4, ["jobs_buried"] = 1 });
    }

    [Fact]
    public async Task Read_IncludeDelayed_AddsDelayedJobs()
    {
        var tube = await MixedTubeAsync();
        await using var scaler = BeanstalkdTriggers.Scaler(fixture.Server.Address, tube, new FakeTimeProvider(), "includeDelayed=true");

        var reading = await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        reading.Value.ShouldBe(9);
    }

    [Theory]
    [InlineData("4", true)]
    [InlineData("5", false)]
    public async Task Read_ActivationValue_ActiveOnlyAboveIt(string activation, bool active)
    {
        var tube = await MixedTubeAsync();
        await using var scaler = BeanstalkdTriggers.Scaler(fixture.Server.Address, tube, new FakeTimeProvider(), $"activationValue={activation}");

        var reading = await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        reading.IsActive.ShouldBe(active);
    }

    [Fact]
    public async Task Read_TubeNeverUsed_ReadsZeroAsKeda()
    {
        await using var scaler = BeanstalkdTriggers.Scaler(fixture.Server.Address, BeanstalkdServerFixture.NewTube(), new FakeTimeProvider());

        var reading = await scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        reading.Value.ShouldBe(0);
        reading.IsActive.ShouldBeFalse();
        reading.Note.ShouldNotBeNull().ShouldContain("not found on the server");
    }

    [Fact]
    public async Task Read_ServerDown_FailsAtOnceWithoutWaitingForTheTimeout()
    {
        var address = $"127.0.0.1:{FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture)}";
        await using var scaler = BeanstalkdTriggers.Scaler(address, "jobs", new FakeTimeProvider());

        // The fake clock never advances, so only a refused connection can end this read.
        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        error.Message.ShouldBe($"beanstalkd at {address}: connection refused (is beanstalkd listening there?)");
    }

    [Fact]
    public async Task Read_HttpServerInsteadOfBeanstalkd_FailsWithTheHint()
    {
        await using var http = await HttpStub.StartAsync(200, "{}");
        var address = new Uri(http.BaseAddress).Authority;
        await using var scaler = BeanstalkdTriggers.Scaler(address, "jobs", new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        error.Message.ShouldStartWith($"beanstalkd at {address} answered stats-tube with \"HTTP/1.1 400 Bad Request\"");
        error.Message.ShouldEndWith("(is it a beanstalkd port?)");
    }

    [Fact]
    public async Task Read_UnresolvableHost_Fails()
    {
        await using var scaler = BeanstalkdTriggers.Scaler("beanstalkd.invalid:11300", "jobs", new FakeTimeProvider());

        var error = await Should.ThrowAsync<Exception>(() => scaler.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        error.Message.ShouldBe("beanstalkd at beanstalkd.invalid:11300: the host name does not resolve");
    }
}
