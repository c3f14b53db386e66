using Crema.Core.Configuration;
using Crema.Core.Simulation;
using Crema.Scalers;

namespace Crema.Tests.Simulation;

public sealed class SimulatorTests
{
    private const string TwoObjects = """
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          scaledObjects:
            - metadata: {name: fast}
              spec:
                scaleTargetRef: {name: projects/sim/locations/us-central1/workerPools/fast}
                pollingInterval: 10
                cooldownPeriod: 0
                triggers:
                  - type: prometheus
                    name: q
                    metadata: {serverAddress: "http://prometheus:9090", query: "q", threshold: "10"}
            - metadata: {name: slow}
              spec:
                scaleTargetRef: {name: projects/sim/locations/us-central1/workerPools/slow}
                pollingInterval: 15
                triggers:
                  - type: prometheus
                    metadata: {serverAddress: "http://prometheus:9090", query: "q", threshold: "10"}
        """;

    [Fact]
    public void Run_TwoObjectsWithDifferentIntervals_EachPollsOnItsOwnScheduleInTimeOrder()
    {
        var result = Simulate(TwoObjects, "0,fast,q,0\n0,slow,0,0\n", 0, 30);

        result.Rows.Select(r => (r.TimeSeconds, r.Object)).ShouldBe(
        [
            (0d, "fast"), (0d, "slow"), (10d, "fast"), (15d, "slow"), (20d, "fast"), (30d, "fast"), (30d, "slow"),
        ]);
    }

    [Fact]
    public void Run_TraceForOneObject_OtherObjectReadsZero()
    {
        var result = Simulate(TwoObjects, "0,fast,q,35\n", 0, 15);

        result.Rows.Where(r => r.Object == "fast").Select(r => r.Replicas).ShouldBe([1, 4]);
        result.Rows.Where(r => r.Object == "slow").ShouldAllBe(r => r.Replicas == 0 && !r.Active);
    }

    [Fact]
    public void Run_BeforeFirstRow_ValueIsZero()
    {
        var result = Simulate(TwoObjects, "25,fast,q,50\n", 0, 30);

        var fast = result.Rows.Where(r => r.Object == "fast").ToArray();
        fast.Select(r => (r.TimeSeconds, r.Replicas, r.Active)).ShouldBe([(0d, 0, false), (10d, 0, false), (20d, 0, false), (30d, 1, true)]);
        fast[0].Reason.ShouldBe("inactive at zero");
    }

    [Fact]
    public void Run_ErrorRow_HoldsReplicasAndReportsSourceError()
    {
        var result = Simulate(TwoObjects, "0,fast,q,30\n15,fast,q,error\n35,fast,q,30\n", 0, 40);

        var fast = result.Rows.Where(r => r.Object == "fast").ToArray();
        fast.Select(r => r.Replicas).ShouldBe([1, 3, 3, 3, 3]);
        fast[2].Reason.ShouldStartWith("source error");
        fast[3].Reason.ShouldStartWith("source error");
        fast[4].Reason.ShouldContain("q=30");
    }

    [Fact]
    public void Run_InitialReplicas_StartsFromThem()
    {
        var result = Simulate(TwoObjects, "0,fast,q,30\n", 3, 20);

        var fast = result.Rows.Where(r => r.Object == "fast").ToArray();
        fast.ShouldAllBe(r => r.Replicas == 3);
        result.Summaries.Single(s => s.Object == "fast").ScaleChanges.ShouldBe(0);
        result.Summaries.Single(s => s.Object == "fast").InstanceSeconds.ShouldBe(60);
    }

    [Fact]
    public void Summarize_TinyTrace_MatchesHandComputedFigures()
    {
        // fast polls at 0, 10, 20, 30, 40. The trace turns active at 5, so 0 replicas run from 5 to 10 while
        // work waits (5 s active at zero); the poll at 10 scales from zero to 1, the one at 20 to 3 (30 / 10),
        // and the value falls to 0 at 25: with cooldownPeriod 0 the poll at 30 scales to zero.
        // Instance-seconds: 1 x (20 - 10) + 3 x (30 - 20) = 40; three changes.
        var result = Simulate(TwoObjects, "5,fast,q,30\n25,fast,q,0\n", 0, 40);

        result.Rows.Where(r => r.Object == "fast").Select(r => r.Replicas).ShouldBe([0, 1, 3, 0, 0]);
        var summary = result.Summaries.Single(s => s.Object == "fast");
        summary.ShouldBe(new SimulationSummary("fast", 40, 3, 5));
        result.Summaries.Single(s => s.Object == "slow").ShouldBe(new SimulationSummary("slow", 0, 0, 0));
    }

    [Fact]
    public void Run_RowsOutOfOrder_SameAsSorted()
    {
        var config = Load(TwoObjects);
        TraceRow[] sorted = [new(0, "fast", "q", 30, 2), new(15, "fast", "q", 0, 3), new(15, "fast", "q", 50, 4)];

        var (inOrder, _) = Simulator.Run(config, BuiltInScalers.CreateRegistry(), sorted, 0, 30);
        var (shuffled, _) = Simulator.Run(config, BuiltInScalers.CreateRegistry(), [sorted[1], sorted[0], sorted[2]], 0, 30);

        shuffled!.Rows.ShouldBe(inOrder!.Rows);
        inOrder.Rows.Where(r => r.Object == "fast").Select(r => r.Replicas).ShouldBe([1, 3, 5, 5]);
    }

    [Fact]
    public void Run_UnknownObjectAndTrigger_ReportsEveryLine()
    {
        var config = Load(TwoObjects);
        var (rows, _) = TraceReader.Read("time_s,object,trigger,value\n0,nope,q,1\n0,fast,zz,1\n0,slow,0,1\n", "t.csv");

        var (result, errors) = Simulator.Run(config, BuiltInScalers.CreateRegistry(), rows, 0, 30);

        result.ShouldBeNull();
        errors.ShouldBe(
        [
            "line 2: unknown scaled object \"nope\"; known: fast, slow",
            "line 3: scaled object \"fast\" has no trigger \"zz\" (use the trigger's name, or its index when unnamed)",
        ]);
    }

    private static SimulationResult Simulate(string yaml, string traceRows, int initialReplicas, double duration)
    {
        var (rows, traceErrors) = TraceReader.Read("time_s,object,trigger,value\n" + traceRows, "t.csv");
        traceErrors.ShouldBeEmpty();
        var (result, errors) = Simulator.Run(Load(yaml), BuiltInScalers.CreateRegistry(), rows, initialReplicas, duration);
        errors.ShouldBeEmpty();
        return result!;
    }

    private static CremaConfig Load(string yaml)
    {
        var loaded = ConfigLoader.Load(yaml, "c.yaml", BuiltInScalers.CreateRegistry());
        loaded.Errors.ShouldBeEmpty();
        return loaded.Config!;
    }
}
