using Crema.Core.Configuration;
using Crema.Core.Simulation.Quality;
using Crema.Scalers;
using Crema.Tests.Configuration;

namespace Crema.Tests.Simulation.Quality;

public sealed class QueueModelTests
{
    private static ArrivalTrace Trace(string csv) => ArrivalTrace.Read("time_s,rate\n" + csv, "a.csv").Trace.ShouldNotBeNull();

    private sealed class Fixed(int count) : IInstancePolicy
    {
        public string Name => "fixed";

        public int Decide(int second, double backlog, double arrivalRate, int current) => count;
    }

    [Fact]
    public void Run_CapacityMatchesArrivalsAfterTheStartDelay_BacklogIsWhatArrivedMeanwhile()
    {
        var outcome = new QueueModel(Trace("0,4"), serviceRate: 2, startDelaySeconds: 5, durationSeconds: 100).Run(new Fixed(2));

        outcome.MaxBacklog.ShouldBe(20, "5 s of 4 messages/s before the instances serve");
        outcome.FinalBacklog.ShouldBe(20, "capacity equals arrivals, so the backlog never drains");
        outcome.InstanceSeconds.ShouldBe(200, "both instances are paid for while they start");
    }

    [Fact]
    public void Run_SpareCapacity_DrainsAndWaitsAreCountedPerMessage()
    {
        var outcome = new QueueModel(Trace("0,10\n10,0"), serviceRate: 5, startDelaySeconds: 0, durationSeconds: 60).Run(new Fixed(1));

        outcome.FinalBacklog.ShouldBe(0);
        outcome.MaxBacklog.ShouldBe(50);
        outcome.P95WaitSeconds.ShouldBe(9, "100 messages served 5 a second, FIFO: the 95th waits 9 s");
    }

    [Fact]
    public void Oracle_StartsInstancesOneDelayAhead_SoNoMessageWaits()
    {
        var trace = Trace("0,0\n100,30\n200,0");
        var outcome = new QueueModel(trace, serviceRate: 3, startDelaySeconds: 20, durationSeconds: 300).Run(new OraclePolicy(trace, 3, 20, 0, 100));

        outcome.P95WaitSeconds.ShouldBe(0);
        outcome.MaxBacklog.ShouldBe(0);
        outcome.InstanceSeconds.ShouldBe(10 * 120, "10 instances from 20 s before the burst to its end");
    }

    [Fact]
    public void Read_BadLines_NamesEachOne()
    {
        var (trace, errors) = ArrivalTrace.Read("# comment\ntime_s,rate\n0,1\nx,2\n5,-1\n7\n", "a.csv");

        trace.ShouldBeNull();
        errors.ShouldBe([
            "a.csv:4: time_s \"x\" is not a non-negative number",
            "a.csv:5: rate \"-1\" is not a non-negative number of messages per second",
            "a.csv:6: expected 2 fields (time_s,rate), found 1",
        ]);
    }

    [Fact]
    public void Compare_ConfigWithTwoObjectsAndNoObjectChosen_SaysToChooseOne()
    {
        var yaml = ConfigTestHelper.OneScaledObject(triggers: """
            triggers:
              - type: prometheus
                metadata: {serverAddress: "http://p:9090", query: q, threshold: "5"}
            """);
        var config = ConfigLoader.Load(yaml, "c.yaml", BuiltInScalers.CreateRegistry()).Config.ShouldNotBeNull();
        var two = config with { Spec = config.Spec with { ScaledObjects = [.. config.Spec.ScaledObjects, .. config.Spec.ScaledObjects] } };

        var (outcomes, errors) = QualityComparison.Run(two, BuiltInScalers.CreateRegistry(), Trace("0,1"), new QueueParameters(1, 0, 10), null);

        outcomes.ShouldBeEmpty();
        errors.ShouldHaveSingleItem().ShouldContain("choose one with --object");
    }
}
