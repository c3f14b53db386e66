namespace Crema.Abstractions;

public sealed partial class MetadataBinder
{
    /// <summary>
    /// Metadata entries naming a key that was read, but not from there: <c>name</c> for a key read only from the
    /// authenticationRef, <c>nameFromEnv</c> for a key not read from the environment. A warning saying where the
    /// key is read from, instead of silence (KEDA) or an "unknown key" that would suggest the same spelling.
    /// </summary>
    private IEnumerable<MetadataError> IgnoredEntries() =>
        Context.Metadata.Keys.Order(StringComparer.Ordinal)
            .Select(k => (Key: k, Reason: IgnoredBecause(k)))
            .Where(t => t.Reason is not null)
            .Select(t => new MetadataError(t.Key, t.Reason!));

    private string? IgnoredBecause(string metadataKey)
    {
        if (readKeys.Contains(metadataKey))
        {
            return null;
        }
        if (sourcesRead.TryGetValue(metadataKey, out var sources))
        {
            return $"is ignored: {metadataKey} is read only from {Describe(metadataKey, sources)}, not from metadata";
        }
        if (metadataKey.Length > FromEnvSuffix.Length && metadataKey.EndsWith(FromEnvSuffix, StringComparison.Ordinal)
            && sourcesRead.TryGetValue(metadataKey[..^FromEnvSuffix.Length], out var twinSources))
        {
            var name = metadataKey[..^FromEnvSuffix.Length];
            return $"is ignored: {name} is read only from {Describe(name, twinSources)}, not from the environment";
        }
        return null;
    }

    private static string Describe(string name, IReadOnlySet<KeySource> sources) =>
        string.Join(" or ", new[] { KeySource.TriggerMetadata, KeySource.AuthParams, KeySource.ResolvedEnv }.Where(sources.Contains).Select(s => s switch
        {
            KeySource.TriggerMetadata => "metadata",
            KeySource.AuthParams => "the authenticationRef's parameters",
            _ => name + FromEnvSuffix,
        }));
}
