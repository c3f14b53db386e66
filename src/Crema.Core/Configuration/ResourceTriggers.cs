namespace Crema.Core.Configuration;

/// <summary>
/// KEDA's resource triggers, <c>cpu</c> and <c>memory</c>: in KEDA the HPA reads them itself (Resource metrics), so
/// they take no part in activation, fallback or scalingModifiers (scale_handler.go skips them; only when every trigger
/// is one does KEDA force the object active).
/// </summary>
internal static class ResourceTriggers
{
    /// <summary>True for the <c>cpu</c> and <c>memory</c> trigger types.</summary>
    public static bool IsResource(string? type) => type is "cpu" or "memory";
}
