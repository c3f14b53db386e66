using Crema.Host.Daemon;
using Crema.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Daemon;

public sealed class TargetHealthTests
{
    private const string Pool = "projects/p/locations/l/workerPools/pool";

    [Fact]
    public void Conflicted_InARow_FirstRetriedAtOnceThenDoublingFromOneSecondToTheCap()
    {
        var (health, time, _) = Create();

        var delays = Enumerable.Range(0, 9).Select(_ =>
        {
            health.Conflicted("409");
            var delay = (health.NextAttemptAt ?? time.GetUtcNow()) - time.GetUtcNow();
            time.Advance(delay);
            return delay.TotalSeconds;
        }).ToArray();

        delays.ShouldBe([0, 1, 2, 4, 8, 16, 30, 30, 30]);
    }

    [Fact]
    public void WriteFailed_InARow_DoublingFromFiveSecondsToTwoMinutes()
    {
        var (health, time, _) = Create();

        var delays = Enumerable.Range(0, 8).Select(_ =>
        {
            health.WriteFailed(TargetState.Forbidden, 403, "403");
            var delay = health.NextAttemptAt!.Value - time.GetUtcNow();
            time.Advance(delay);
            return delay.TotalSeconds;
        }).ToArray();

        delays.ShouldBe([5, 10, 20, 40, 80, 120, 120, 120]);
    }

    [Theory]
    [InlineData(0.0, 4.0)]
    [InlineData(0.999_999, 6.0)]
    public void WriteFailed_Jitter_StaysWithinTwentyPercent(double random, double expectedSeconds)
    {
        var (health, time, _) = Create(random);

        health.WriteFailed(TargetState.Error, 500, "500");

        (health.NextAttemptAt!.Value - time.GetUtcNow()).TotalSeconds.ShouldBe(expectedSeconds, 0.001);
    }

    [Fact]
    public void MayCall_WhileBackingOff_FalseUntilTheDelayHasPassed()
    {
        var (health, time, _) = Create();

        health.ReadFailed(TargetState.NotFound, 404, "404");

        health.MayCall.ShouldBeFalse();
        health.CanScale.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(4.9));
        health.MayCall.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(0.1));
        health.MayCall.ShouldBeTrue();
        health.NextAttemptAt.ShouldBeNull();
        health.State.ShouldBe(TargetState.NotFound, "still failing until a call works");
    }

    [Fact]
    public void WriteFailed_SameProblemManyTimes_LoggedOnceAndItsRecoveryOnce()
    {
        var (health, time, logger) = Create();

        for (var i = 0; i < 10; i++)
        {
            health.WriteFailed(TargetState.Forbidden, 403, "HTTP 403 PERMISSION_DENIED");
            time.Advance(TimeSpan.FromMinutes(3));
        }
        health.WriteSucceeded();
        health.WriteFailed(TargetState.Forbidden, 403, "HTTP 403 PERMISSION_DENIED");

        var lines = logger.AtLeast(LogLevel.Information);
        lines.Count.ShouldBe(3, string.Join("\n", lines));
        lines[0].ShouldContain("update of " + Pool + " failed (forbidden): HTTP 403 PERMISSION_DENIED; next attempt in 5 s");
        lines[1].ShouldContain("can be read and scaled again, after 10 failed attempts");
        lines[2].ShouldContain("failed (forbidden)");
        health.ConsecutiveFailures.ShouldBe(1);
    }

    [Fact]
    public void ReadFailed_ThenAnotherProblem_LogsTheChange()
    {
        var (health, _, logger) = Create();

        health.ReadFailed(TargetState.Forbidden, 403, "403");
        health.ReadFailed(TargetState.Forbidden, 403, "403");
        health.ReadFailed(TargetState.NotFound, 404, "404");

        logger.AtLeast(LogLevel.Warning).Count.ShouldBe(2);
        health.State.ShouldBe(TargetState.NotFound);
        health.ConsecutiveFailures.ShouldBe(3);
    }

    [Fact]
    public void ReadSucceeded_AfterARefusedUpdate_KeepsBackingOff()
    {
        var (health, _, logger) = Create();

        health.WriteFailed(TargetState.Forbidden, 403, "403");
        health.ReadSucceeded();

        health.State.ShouldBe(TargetState.Forbidden, "reading works with a permission that does not allow updates");
        health.ConsecutiveFailures.ShouldBe(1);
        health.LastError.ShouldBe("403");
        logger.AtLeast(LogLevel.Information).Count.ShouldBe(1, "no recovery logged");
    }

    [Fact]
    public void ReadSucceeded_AfterAFailedRead_Recovers()
    {
        var (health, _, logger) = Create();

        health.ReadFailed(TargetState.NotFound, 404, "404");
        health.ReadSucceeded();

        health.State.ShouldBe(TargetState.Ok);
        health.MayCall.ShouldBeTrue();
        health.LastError.ShouldBeNull();
        logger.AtLeast(LogLevel.Information).Count.ShouldBe(2);
    }

    [Fact]
    public void Conflicted_OnceThenWriteSucceeded_LogsNothingAboveDebug()
    {
        var (health, _, logger) = Create();

        health.Conflicted("409");
        health.CanScale.ShouldBeTrue("the first conflict is retried at once");
        health.WriteSucceeded();

        logger.AtLeast(LogLevel.Information).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(403, "Forbidden", "forbidden")]
    [InlineData(404, "NotFound", "not_found")]
    [InlineData(409, "Conflict", "conflict")]
    [InlineData(412, "Conflict", "conflict")]
    [InlineData(400, "Error", "error")]
    [InlineData(503, "Error", "error")]
    [InlineData(0, "Error", "error")]
    public void StateOf_HttpStatus_MapsToStateAndLabel(int status, string state, string label)
    {
        var mapped = TargetHealth.StateOf(status);

        mapped.ToString().ShouldBe(state);
        TargetHealth.Label(mapped).ShouldBe(label);
    }

    private static (TargetHealth Health, FakeTimeProvider Time, RecordingLogger Logger) Create(double random = 0.5)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var logger = new RecordingLogger();
        var options = TargetHealthOptions.Default with { Random = () => random };
        return (new TargetHealth("pool", Pool, options, time, logger), time, logger);
    }
}
