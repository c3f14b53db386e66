namespace Crema.Core.Configuration.Validation;

/// <summary>A config must scale something: CREMA rejects an empty or missing scaledObjects list, and so does Crema.</summary>
internal sealed class EmptyConfigValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        if (context.Config.Spec.ScaledObjects.Count == 0 && !context.BindingFailedAt(ValidationContext.ScaledObjectsPath))
        {
            context.Error(ValidationContext.ScaledObjectsPath, "at least one scaled object is required (CREMA rejects an empty list too); add an item under spec.scaledObjects");
        }
    }
}
