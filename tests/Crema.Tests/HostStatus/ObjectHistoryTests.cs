using Crema.Host.Status;
using Xunit.Abstractions;
using static Crema.Tests.HostStatus.StatusSamples;

namespace Crema.Tests.HostStatus;

public sealed class ObjectHistoryTests(ITestOutputHelper output)
{
    // T0 is 12:00:00, the start of a bucket.
    private static ObjectStatus At(DateTimeOffset at, int current, int desired, double value, double target = 1) =>
        Polled(Trigger(value: value, target: target)) with { LastPollAt = at, Current = current, Desired = desired };

    [Fact]
    public void Snapshot_AfterThreePolls_HasThemInTheLastBucketsOldestFirst()
    {
        var history = new ObjectHistory();

        history.Record(At(T0, 1, 2, 5));
        history.Record(At(T0.AddSeconds(30), 2, 4, 7.5));
        history.Record(At(T0.AddSeconds(60), 4, 4, 8));

        var snapshot = history.Snapshot(T0.AddSeconds(75));
        snapshot.Buckets.ShouldBe(ObjectHistory.Buckets);
        snapshot.BucketSeconds.ShouldBe(30);
        snapshot.Start.ShouldBe(T0.AddSeconds(60 - (30 * 119)));
        snapshot.Current.TakeLast(3).ShouldBe([1f, 2f, 4f]);
        snapshot.Desired.TakeLast(3).ShouldBe([2f, 4f, 4f]);
        var trigger = snapshot.Triggers.ShouldHaveSingleItem();
        trigger.Name.ShouldBe("queue");
        trigger.Values.TakeLast(3).ShouldBe([5f, 7.5f, 8f]);
        trigger.Targets.TakeLast(3).ShouldBe([1f, 1f, 1f]);
        snapshot.Current.Take(117).ShouldAllBe(v => v == null);
        snapshot.Composite.ShouldBeNull();
    }

    [Fact]
    public void Record_TwicePerBucket_KeepsTheLastPoll()
    {
        var history = new ObjectHistory();

        history.Record(At(T0.AddSeconds(1), 1, 1, 5));
        history.Record(At(T0.AddSeconds(29), 3, 3, 9));

        history.Snapshot(T0.AddSeconds(29)).Current[^1].ShouldBe(3f);
    }

    [Fact]
    public void Snapshot_NoPollForAWhile_ShowsAGapAndEndsNow()
    {
        var history = new ObjectHistory();
        history.Record(At(T0, 1, 1, 5));
        history.Record(At(T0.AddMinutes(5), 2, 2, 6));

        var snapshot = history.Snapshot(T0.AddMinutes(6));

        snapshot.Current.TakeLast(13).ShouldBe([1f, null, null, null, null, null, null, null, null, null, 2f, null, null]);
    }

    [Fact]
    public void Snapshot_AnHourAndMoreLater_IsEmpty()
    {
        var history = new ObjectHistory();
        history.Record(At(T0, 1, 1, 5));

        history.Snapshot(T0.AddHours(1)).Current.ShouldAllBe(v => v == null);
        history.Snapshot(T0.AddMinutes(59).AddSeconds(30)).Current[0].ShouldBe(1f);
    }

    [Fact]
    public void Record_AfterAnHourOfSilence_StartsAfresh()
    {
        var history = new ObjectHistory();
        history.Record(At(T0, 1, 1, 5));
        history.Record(At(T0.AddHours(3), 2, 2, 6));

        var snapshot = history.Snapshot(T0.AddHours(3));

        snapshot.Current.OfType<float>().ShouldBe([2f]);
    }

    [Fact]
    public void Record_TriggersChange_KeepsTheSeriesOfTriggersKeptByName()
    {
        var history = new ObjectHistory();
        history.Record(Polled(Trigger("a", 1), Trigger("b", 2)));

        history.Record(Polled(Trigger("c", 30), Trigger("a", 10)) with { LastPollAt = T0.AddSeconds(30) });

        var snapshot = history.Snapshot(T0.AddSeconds(30));
        snapshot.Triggers.Select(t => t.Name).ShouldBe(["c", "a"]);
        snapshot.Triggers[1].Values.TakeLast(2).ShouldBe([1f, 10f]);
        snapshot.Triggers[0].Values.TakeLast(2).ShouldBe([null, 30f]);
        snapshot.Current.TakeLast(2).ShouldBe([3f, 3f]);
    }

    [Fact]
    public void Record_WithScalingModifiers_KeepsTheCompositeAndTheFormulaTarget()
    {
        var history = new ObjectHistory();

        history.Record(Polled() with { ScalingModifiers = new ModifiersStatus("queue * 2", 4, 0, "AverageValue", 6, false, null) });

        var composite = history.Snapshot(T0).Composite.ShouldNotBeNull();
        composite.Name.ShouldBe("composite-metric");
        composite.Values[^1].ShouldBe(6f);
        composite.Targets[^1].ShouldBe(4f);
    }

    [Fact]
    public void Record_AnHourOfPolls_AllocatesNothingAfterTheFirst()
    {
        var history = new ObjectHistory();
        var statuses = Enumerable.Range(0, 240).Select(i => At(T0.AddSeconds(15 * i), i % 7, i % 5, i)).ToArray();
        history.Record(statuses[0]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < statuses.Length; i++)
        {
            history.Record(statuses[i]);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        history.SeriesBytes.ShouldBe(4 * ObjectHistory.Buckets * sizeof(float));
    }

    [Fact]
    public void Record_FullHourAndEventsForOneObject_StaysUnderFourKilobytes()
    {
        // An upper bound of what the store keeps per object beside its status: the record, an hour of
        // history of two triggers and ten events (the garbage of replaced event arrays counted too).
        var status = Polled(Trigger("a"), Trigger("b"));
        var events = Enumerable.Range(0, DecisionLog.Capacity)
            .Select(i => new DecisionEvent(T0.AddMinutes(i), i, i + 1, "hpa: a=3 target=1 -> 3; b=2 target=1 -> 2 (max)", DecisionOutcome.Applied)).ToArray();
        var polls = Enumerable.Range(0, ObjectHistory.Buckets).Select(i => status with { LastPollAt = T0.AddSeconds(30 * i) }).ToArray();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var record = new ObjectRecord();
        foreach (var decision in events)
        {
            record.Events.Add(decision);
        }
        foreach (var poll in polls)
        {
            record.History.Record(poll);
        }
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"bytes per object (record, history of 2 triggers, {DecisionLog.Capacity} events): {bytes}");
        bytes.ShouldBeLessThan(4096);
        record.History.Snapshot(T0.AddSeconds(30 * 119)).Triggers[1].Values.ShouldAllBe(v => v == 3f);
    }
}
