namespace Crema.Abstractions;

public sealed partial class MetadataBinder
{
    /// <summary>
    /// A <c>keyFromEnv</c> entry whose key was read, but never from the environment: a warning saying where the
    /// key is read from, instead of silence (KEDA) or an "unknown key" that would suggest the same spelling.
    /// </summary>
    private IEnumerable<MetadataError> IgnoredEnvTwins() =>
        Context.Metadata.Keys.Order(StringComparer.Ordinal)
            .Select(k => (Key: k, Order: IgnoredTwinOf(k)))
            .Where(t => t.Order is not null)
            .Select(t => new MetadataError(t.Key, $"is ignored: {t.Key[..^FromEnvSuffix.Length]} is read only from {Describe(t.Order!)}, not from the environment"));

    private IReadOnlyList<KeySource>? IgnoredTwinOf(string metadataKey)
    {
        if (metadataKey.Length <= FromEnvSuffix.Length || !metadataKey.EndsWith(FromEnvSuffix, StringComparison.Ordinal) || readKeys.Contains(metadataKey))
        {
            return null;
        }
        var name = metadataKey[..^FromEnvSuffix.Length];
        return namesFromEnv.Contains(name) ? null : namesNotFromEnv.GetValueOrDefault(name);
    }

    private static string Describe(IReadOnlyList<KeySource> order) =>
        string.Join(" or ", order.Select(s => s == KeySource.AuthParams ? "the authenticationRef's parameters" : "metadata"));
}
