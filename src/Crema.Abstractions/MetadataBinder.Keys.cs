namespace Crema.Abstractions;

public sealed partial class MetadataBinder
{
    private readonly HashSet<string> readKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> knownKeys = new(StringComparer.Ordinal);

    // Every source any declaration read a name from: what decides whether a metadata entry is read.
    private readonly Dictionary<string, HashSet<KeySource>> sourcesByName = new(StringComparer.Ordinal);

    /// <summary>
    /// Metadata keys that no binder call read (tolerated by KEDA; we warn). Entries written for a declared
    /// key that is not read from there are not listed: <see cref="Warnings"/> says why they are ignored.
    /// </summary>
    public IReadOnlyList<string> UnknownKeys() =>
        Context.Metadata.Keys.Where(k => !readKeys.Contains(k) && IgnoredBecause(k) is null).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every metadata key a binder call read, without the <c>keyFromEnv</c> twins (for "did you mean").</summary>
    public IReadOnlyList<string> KnownKeys() => knownKeys.Order(StringComparer.Ordinal).ToArray();

    private void Read(MetadataKey key)
    {
        var fromMetadata = key.Order.Contains(KeySource.TriggerMetadata);
        var fromEnv = key.Order.Contains(KeySource.ResolvedEnv);
        foreach (var name in key.Names)
        {
            knownKeys.Add(name);
            if (!sourcesByName.TryGetValue(name, out var sources))
            {
                sourcesByName[name] = sources = [];
            }
            sources.UnionWith(key.Order);
            if (fromMetadata)
            {
                readKeys.Add(name);
            }
            if (fromEnv)
            {
                readKeys.Add(name + FromEnvSuffix);
            }
        }
    }

    private IEnumerable<MetadataError> IgnoredEntries() =>
        Context.Metadata.Keys
            .Where(k => !readKeys.Contains(k))
            .Order(StringComparer.Ordinal)
            .Select(k => (Key: k, Reason: IgnoredBecause(k)))
            .Where(e => e.Reason is not null)
            .Select(e => new MetadataError(e.Key, e.Reason!));

    /// <summary>
    /// Why an unread metadata entry belongs to a declared key that is not read from there, or null: <c>name</c> for a
    /// key read only from the authenticationRef, <c>nameFromEnv</c> for a key not read from the environment. A warning
    /// saying where the key is read from, instead of silence (KEDA) or an "unknown key" suggesting the same spelling.
    /// </summary>
    private string? IgnoredBecause(string entry)
    {
        if (sourcesByName.TryGetValue(entry, out var sources))
        {
            return $"is ignored: {entry} is read only from {Describe(entry, sources)}, not from metadata";
        }
        if (entry.Length > FromEnvSuffix.Length && entry.EndsWith(FromEnvSuffix, StringComparison.Ordinal)
            && sourcesByName.TryGetValue(entry[..^FromEnvSuffix.Length], out var twin))
        {
            var name = entry[..^FromEnvSuffix.Length];
            return $"is ignored: {name} is read only from {Describe(name, twin)}, not from the environment";
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
