using Crema.Abstractions;
using Crema.Host.Daemon;

namespace Crema.Tests.Daemon;

/// <summary>A trigger's scaler instance is owned by one read at a time; abandoned reads retire theirs.</summary>
public sealed class TriggerSlotTests
{
    [Fact]
    public async Task Start_AfterReadAbandoned_UsesFreshInstanceAndRetiresOldOneWhenItsReadEnds()
    {
        var scalers = new List<HeldScaler>();
        await using var slot = new TriggerSlot("t", "held", _ =>
        {
            var scaler = new HeldScaler();
            scalers.Add(scaler);
            return Task.FromResult<IScaler>(scaler);
        });

        var first = slot.Start(CancellationToken.None);
        slot.Abandon(first).ShouldBeTrue();
        slot.Stranded.ShouldBe(1);
        var second = slot.Start(CancellationToken.None);

        scalers.Count.ShouldBe(2, "the abandoned read still owns the first instance");
        scalers[0].Release(1);
        (await first.Task).Value.ShouldBe(1);
        scalers[0].Disposed.ShouldBeTrue("an abandoned read retires its instance when it ends");
        slot.Stranded.ShouldBe(0);

        scalers[1].Release(2);
        (await second.Task).Value.ShouldBe(2);
        scalers[1].Disposed.ShouldBeFalse("a read that ended normally hands its instance back");
        var third = slot.Start(CancellationToken.None);
        scalers.Count.ShouldBe(2, "the instance handed back is reused");
        scalers[1].Release(3);
        (await third.Task).Value.ShouldBe(3);
        scalers.ShouldAllBe(s => s.MaxConcurrentReads == 1);
    }

    [Fact]
    public async Task Abandon_ReadAlreadyEnded_ReturnsFalseAndKeepsInstance()
    {
        var scaler = new HeldScaler();
        await using var slot = new TriggerSlot("t", "held", _ => Task.FromResult<IScaler>(scaler));
        var read = slot.Start(CancellationToken.None);
        scaler.Release(5);
        await read.Task;

        slot.Abandon(read).ShouldBeFalse();

        slot.Stranded.ShouldBe(0);
        scaler.Disposed.ShouldBeFalse();
    }

    [Fact]
    public async Task DisposeAsync_WhileReadRuns_InstanceDisposedWhenTheReadEnds()
    {
        var scaler = new HeldScaler();
        var slot = new TriggerSlot("t", "held", _ => Task.FromResult<IScaler>(scaler));
        var read = slot.Start(CancellationToken.None);
        slot.Abandon(read).ShouldBeTrue();

        await slot.DisposeAsync();
        scaler.Disposed.ShouldBeFalse("the read still uses it");
        scaler.Release(1);
        await read.Task;

        scaler.Disposed.ShouldBeTrue();
    }

    [Fact]
    public async Task Start_FirstReadFails_RebuildsAndReadsAgainWithTheNewInstance()
    {
        var built = new List<HeldScaler>();
        await using var slot = new TriggerSlot("t", "held", _ =>
        {
            var scaler = new HeldScaler { FailFirst = built.Count == 0 };
            built.Add(scaler);
            return Task.FromResult<IScaler>(scaler);
        });

        var read = slot.Start(CancellationToken.None);
        built[0].Release(0);
        for (var i = 0; i < 500 && built.Count < 2; i++)
        {
            await Task.Delay(10); // the rebuild runs on a continuation of the failed read
        }
        built.Count.ShouldBe(2);
        built[1].Release(7);

        (await read.Task).Value.ShouldBe(7);
        built[0].Disposed.ShouldBeTrue();
        built[1].Disposed.ShouldBeFalse();
    }

    /// <summary>A scaler whose reads end when the test says, counting reads in flight on this instance.</summary>
    private sealed class HeldScaler : IScaler
    {
        private readonly Lock gate = new();
        private TaskCompletionSource<double> next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int inFlight;

        public bool FailFirst { get; init; }

        public bool Disposed { get; private set; }

        public int MaxConcurrentReads { get; private set; }

        public void Release(double value)
        {
            lock (gate)
            {
                next.TrySetResult(value);
            }
        }

        public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
        {
            Task<double> wait;
            lock (gate)
            {
                MaxConcurrentReads = Math.Max(MaxConcurrentReads, ++inFlight);
                wait = next.Task;
            }
            var value = await wait.ConfigureAwait(false);
            lock (gate)
            {
                inFlight--;
                next = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return FailFirst ? throw new InvalidOperationException("first read fails") : new MetricReading(value, 1, value > 0);
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
