using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Core.Engine;

namespace Crema.Core.Simulation.Quality;

/// <summary>Crema itself: every pollingInterval the engine decides, with KEDA's and the HPA's semantics, on the backlog as the trigger's value.</summary>
internal sealed class EnginePolicy(ScaledObject scaledObject, string triggerName, Func<double, MetricReading> interpret, int pollingSeconds) : IInstancePolicy
{
    private ScalingState state = ScalingState.Initial(Simulator.Epoch);

    public string Name => "Crema (KEDA semantics)";

    public int Decide(int second, double backlog, double arrivalRate, int current)
    {
        if (second % pollingSeconds != 0)
        {
            return current;
        }
        var decision = ScalingEngine.Decide(scaledObject, state, current, [TriggerSample.Success(triggerName, interpret(backlog))], Simulator.Epoch.AddSeconds(second));
        state = decision.NextState;
        return decision.DesiredReplicas;
    }
}
