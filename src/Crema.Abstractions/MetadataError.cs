namespace Crema.Abstractions;

/// <summary>Where a metadata value came from, so the validator can point at the right YAML node.</summary>
public enum MetadataSource
{
    /// <summary>The trigger's <c>metadata</c> map.</summary>
    Metadata,

    /// <summary>The parameters of the trigger's authenticationRef.</summary>
    AuthParams,
}

/// <summary>One problem with a trigger's metadata, worded the same way for every scaler.</summary>
/// <param name="Key">The metadata key (or auth parameter) at fault.</param>
/// <param name="Message">What is wrong, without the key (the validator prefixes the YAML path).</param>
/// <param name="Source">Whether the key belongs to metadata or to the auth parameters.</param>
public sealed record MetadataError(string Key, string Message, MetadataSource Source = MetadataSource.Metadata)
{
    /// <summary>
    /// The ending of every "missing auth parameter" message, so the validator can replace it when the
    /// trigger has no authenticationRef at all. Scalers append it: <c>$"is required when ...{AuthenticationRefHint}"</c>.
    /// </summary>
    public const string AuthenticationRefHint = " (as a parameter of the trigger's authenticationRef)";

    /// <inheritdoc />
    public override string ToString() => $"{Key}: {Message}";
}
