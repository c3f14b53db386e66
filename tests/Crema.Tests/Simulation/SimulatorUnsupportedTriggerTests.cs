using Crema.Core.Configuration;
using Crema.Core.Simulation;
using Crema.Scalers;

namespace Crema.Tests.Simulation;

public sealed class SimulatorUnsupportedTriggerTests
{
    [Fact]
    public void Run_ExternalTrigger_ReportsItCannotBeSimulated()
    {
        const string yaml = """
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: projects/my-project/locations/us-central1/workerPools/w}
                    triggers:
                      - type: external
                        name: ext
                        metadata: {scalerAddress: "scaler:6000"}
            """;
        var registry = BuiltInScalers.CreateRegistry();
        var config = ConfigLoader.Load(yaml, "c.yaml", registry).Config!;

        var (result, errors) = Simulator.Run(config, registry, [new TraceRow(0, "w", "ext", 1, 2)], 0, 60);

        result.ShouldBeNull();
        errors.ShouldContain(e => e.Contains("trigger \"ext\" of type \"external\" cannot be simulated", StringComparison.Ordinal));
    }
}
