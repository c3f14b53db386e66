namespace Crema.Abstractions;

/// <summary>
/// Where a metadata key's value may come from, named as KEDA's typed config names them
/// (<c>order=triggerMetadata;authParams;resolvedEnv</c>). A key is looked up in its sources in the
/// order it declares, every name (the key and its aliases) in each source; the first non-blank value wins.
/// </summary>
public enum KeySource
{
    /// <summary>The trigger's <c>metadata</c> map.</summary>
    TriggerMetadata,

    /// <summary>The parameters of the trigger's authenticationRef (secrets).</summary>
    AuthParams,

    /// <summary>The environment variable named by the metadata key <c>nameFromEnv</c>.</summary>
    ResolvedEnv,
}
