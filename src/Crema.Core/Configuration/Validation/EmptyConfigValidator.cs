namespace Crema.Core.Configuration.Validation;

/// <summary>A config without scaled objects is valid (KEDA has nothing to reconcile either) but almost always a mistake.</summary>
internal sealed class EmptyConfigValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        if (context.Config.Spec.ScaledObjects.Count == 0 && !context.BindingFailedAt(ValidationContext.ScaledObjectsPath))
        {
            context.Warning(ValidationContext.ScaledObjectsPath, "no scaled objects: nothing will be scaled");
        }
    }
}
