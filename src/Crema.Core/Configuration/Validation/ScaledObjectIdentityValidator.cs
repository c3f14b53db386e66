namespace Crema.Core.Configuration.Validation;

/// <summary>One scaled object per target, and unique display names (they key logs, metrics and state).</summary>
internal sealed class ScaledObjectIdentityValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            var target = scaledObject.Spec.ScaleTargetRef.Name;
            if (target.Length == 0)
            {
                continue;
            }
            var canonical = ScaleTargetValidator.Canonical(target);
            if (targets.TryGetValue(canonical, out var firstPath))
            {
                context.Error(path + ".spec.scaleTargetRef.name",
                    $"\"{target}\" is already scaled by {firstPath}; each resource may be scaled by one scaled object");
            }
            else
            {
                targets.Add(canonical, path);
            }
            var displayName = scaledObject.DisplayName;
            if (names.TryGetValue(displayName, out var namePath))
            {
                var at = string.IsNullOrEmpty(scaledObject.Metadata?.Name) ? path + ".spec.scaleTargetRef.name" : path + ".metadata.name";
                context.Error(at, $"the name \"{displayName}\" is already used by {namePath}; set a unique metadata.name");
            }
            else
            {
                names.Add(displayName, path);
            }
        }
    }
}
