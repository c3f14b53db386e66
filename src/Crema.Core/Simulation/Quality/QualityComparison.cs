using Crema.Core.Configuration;

namespace Crema.Core.Simulation.Quality;

/// <summary>
/// What the workload pays: one scaled object's queue driven by Crema's engine, by a model of CREMA 1.2's
/// decisions on the same config, and by the lower bound (ceil(arrival rate / service rate) instances serving each second), all
/// with the same arrivals, service rate and instance start delay.
/// </summary>
public static class QualityComparison
{
    /// <summary>The three outcomes (Crema, CREMA, lower bound), or the errors that prevent the run.</summary>
    public static (IReadOnlyList<QueueOutcome> Outcomes, IReadOnlyList<string> Errors) Run(
        CremaConfig config, Abstractions.ScalerRegistry scalers, ArrivalTrace arrivals, QueueParameters parameters, string? objectName)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(scalers);
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(parameters);
        var candidates = config.Spec.ScaledObjects.Where(o => objectName is null || o.DisplayName == objectName).ToList();
        if (candidates.Count != 1)
        {
            var names = string.Join(", ", config.Spec.ScaledObjects.Select(o => o.DisplayName));
            return ([], [objectName is null
                ? $"the queue model scales one scaled object; the config has {config.Spec.ScaledObjects.Count} ({names}): choose one with --object"
                : $"no scaled object named \"{objectName}\"; the config has: {names}"]);
        }
        var scaledObject = candidates[0];
        if (scaledObject.Spec.Triggers.Count != 1 || scaledObject.Spec.Advanced?.ScalingModifiers is not null)
        {
            return ([], [$"{scaledObject.DisplayName}: the queue model needs exactly one trigger, whose value is the queue's backlog (and no scalingModifiers)"]);
        }
        if (!scalers.TryGet(scaledObject.Spec.Triggers[0].Type, out var factory))
        {
            return ([], [$"{scaledObject.DisplayName}: unknown trigger type \"{scaledObject.Spec.Triggers[0].Type}\""]);
        }
        var context = TriggerContexts.ForValidation(config.Spec, scaledObject, 0);
        try
        {
            factory.Interpret(context, 0);
        }
        catch (NotSupportedException)
        {
            return ([], [$"{scaledObject.DisplayName}: a {factory.Type} trigger cannot be simulated: its target is known only to the live source"]);
        }
        var polling = Math.Max(1, scaledObject.Spec.PollingInterval ?? config.Spec.PollingInterval ?? ScalingDefaults.PollingIntervalSeconds);
        var min = scaledObject.Spec.MinReplicaCount ?? ScalingDefaults.MinReplicaCount;
        var max = scaledObject.Spec.MaxReplicaCount ?? ScalingDefaults.MaxReplicaCount;
        var model = new QueueModel(arrivals, parameters.ServiceRate, parameters.StartDelaySeconds, parameters.DurationSeconds);
        IInstancePolicy[] policies =
        [
            new EnginePolicy(scaledObject, context.TriggerName, v => factory.Interpret(context, v), polling),
            new CremaPolicy(scaledObject.Spec, v => factory.Interpret(context, v), polling),
            new OraclePolicy(arrivals, parameters.ServiceRate, parameters.StartDelaySeconds, min, max),
        ];
        return ([.. policies.Select(model.Run)], []);
    }
}
