namespace Crema.Abstractions;

public sealed partial class MetadataBinder
{
    /// <summary>
    /// The text of a key: from metadata, or from the environment through <c>keyFromEnv</c>.
    /// Value is null when absent; Deferred is true while validating a value that only exists at run time.
    /// A blank value counts as absent, as in KEDA (so a required key written <c>""</c> is missing).
    /// </summary>
    private (string? Value, bool Deferred) Raw(string key, bool required)
    {
        Read(key);
        if (Context.Metadata.TryGetValue(key, out var direct) && !string.IsNullOrWhiteSpace(direct))
        {
            return (direct, false);
        }
        if (Context.Metadata.TryGetValue(key + FromEnvSuffix, out var variable) && !string.IsNullOrWhiteSpace(variable))
        {
            if (Context.ValidationOnly)
            {
                return (null, true);
            }
            var fromEnv = Context.Environment(variable);
            if (fromEnv is null)
            {
                Fail(key + FromEnvSuffix, $"environment variable \"{variable}\" is not set");
                return (null, false);
            }
            if (!string.IsNullOrWhiteSpace(fromEnv))
            {
                return (fromEnv, false);
            }
        }
        if (required)
        {
            Fail(key, "is required");
        }
        return (null, false);
    }
}
