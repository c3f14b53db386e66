namespace Crema.Core.Engine;

/// <summary>
/// How KEDA treats cpu/memory triggers (scale_handler.go getScaledObjectState): their metrics go to the HPA only, so
/// they never make the object active or in error, and never enter a scalingModifiers formula; an object whose
/// triggers are all cpu/memory counts as active, so it always stays at or above max(minReplicaCount, 1).
/// </summary>
internal static class ResourceMetricRules
{
    public static (bool IsActive, bool IsError) Activity(IReadOnlyList<TriggerEvaluation> evaluations)
    {
        var external = evaluations.Where(e => !e.IsResource).ToList();
        var isError = external.Any(e => e.Failed);
        return (external.Any(e => e.IsActive) || OnlyResources(evaluations), isError);
    }

    public static bool OnlyResources(IReadOnlyList<TriggerEvaluation> evaluations) =>
        evaluations.Count > 0 && evaluations.All(e => e.IsResource);

    public static IReadOnlyList<TriggerEvaluation> External(IReadOnlyList<TriggerEvaluation> evaluations) =>
        evaluations.Where(e => !e.IsResource).ToList();

    public static IEnumerable<HpaInput> ResourceInputs(IReadOnlyList<TriggerEvaluation> evaluations) =>
        evaluations.Where(e => e.IsResource).Select(e => HpaInput.FromEvaluation(e, null));
}
