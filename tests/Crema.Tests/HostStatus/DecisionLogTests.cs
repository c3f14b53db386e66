using Crema.Host.Status;
using static Crema.Tests.HostStatus.StatusSamples;

namespace Crema.Tests.HostStatus;

public sealed class DecisionLogTests
{
    [Fact]
    public void Add_MoreThanCapacity_KeepsTheNewestFirst()
    {
        var log = new DecisionLog();

        for (var i = 0; i < DecisionLog.Capacity + 5; i++)
        {
            log.Add(new DecisionEvent(T0.AddMinutes(i), i, i + 1, "hpa", DecisionOutcome.Applied));
        }

        log.Items.Count.ShouldBe(DecisionLog.Capacity);
        log.Items[0].From.ShouldBe(DecisionLog.Capacity + 4);
        log.Items[^1].From.ShouldBe(5);
    }

    [Fact]
    public void Add_SameChangeAndOutcomeAgain_CountsUpWithTheNewestReason()
    {
        var log = new DecisionLog();

        log.Add(new DecisionEvent(T0, 0, 1, "dry run: queue=1", DecisionOutcome.DryRun));
        log.Add(new DecisionEvent(T0.AddSeconds(30), 0, 1, "dry run: queue=2", DecisionOutcome.DryRun));
        log.Add(new DecisionEvent(T0.AddSeconds(60), 0, 1, "dry run: queue=3", DecisionOutcome.DryRun));

        var only = log.Items.ShouldHaveSingleItem();
        only.Count.ShouldBe(3);
        only.FirstAt.ShouldBe(T0);
        only.At.ShouldBe(T0.AddSeconds(60));
        only.Reason.ShouldBe("dry run: queue=3");
    }

    [Fact]
    public void Add_OtherOutcome_IsANewEvent()
    {
        var log = new DecisionLog();

        log.Add(new DecisionEvent(T0, 1, 3, "hpa", DecisionOutcome.Failed));
        log.Add(new DecisionEvent(T0.AddSeconds(30), 1, 3, "hpa", DecisionOutcome.Applied));

        log.Items.Select(e => e.Outcome).ShouldBe([DecisionOutcome.Applied, DecisionOutcome.Failed]);
    }

    [Fact]
    public void Add_LongReason_IsCut()
    {
        var log = new DecisionLog();

        log.Add(new DecisionEvent(T0, 1, 3, new string('x', 5000), DecisionOutcome.Applied));

        log.Items[0].Reason.Length.ShouldBe(DecisionLog.MaxReasonLength);
        log.Items[0].Reason.ShouldEndWith("…");
    }
}
