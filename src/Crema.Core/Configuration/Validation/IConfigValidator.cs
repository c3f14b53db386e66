namespace Crema.Core.Configuration.Validation;

/// <summary>One rule family over a bound config. Reports every problem; never throws on bad input.</summary>
internal interface IConfigValidator
{
    void Validate(ValidationContext context);
}
