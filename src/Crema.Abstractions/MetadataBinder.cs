using System.Globalization;

namespace Crema.Abstractions;

/// <summary>
/// Reads a trigger's string metadata into typed values through each key's declaration
/// (<see cref="MetadataKey"/>: names, sources in order, default, allowed values, range, deprecation),
/// the one way every scaler does it, so errors read the same everywhere. Each method records problems
/// instead of throwing and returns the default, so one pass finds every error. While validating
/// (<see cref="ScalerContext.ValidationOnly"/>) values from secrets (and from the environment, unless
/// <see cref="ScalerContext.EnvironmentVisible"/>) are taken as present but unknown, and the default is
/// returned for them.
/// </summary>
public sealed partial class MetadataBinder
{
    private const string FromEnvSuffix = "FromEnv";
    private readonly List<MetadataError> errors = [];
    private readonly List<MetadataError> warnings = [];
    private readonly Dictionary<string, string> namesUsed = new(StringComparer.Ordinal);

    /// <summary>Creates a binder over one trigger's context.</summary>
    public MetadataBinder(ScalerContext context) => Context = context;

    /// <summary>The trigger being bound.</summary>
    public ScalerContext Context { get; }

    /// <summary>Every error recorded so far.</summary>
    public IReadOnlyList<MetadataError> Errors => errors;

    /// <summary>
    /// Every warning so far: deprecated keys, and metadata entries written for a key that is not read from
    /// there (a secret in metadata, or <c>keyFromEnv</c> for a key read from metadata only).
    /// </summary>
    public IReadOnlyList<MetadataError> Warnings => [.. warnings, .. IgnoredEntries()];

    /// <summary>Records an error against a metadata key.</summary>
    public void Fail(string key, string message, MetadataSource source = MetadataSource.Metadata) =>
        errors.Add(new MetadataError(key, message, source));

    /// <summary>Records <paramref name="message"/> against <paramref name="key"/> unless <paramref name="condition"/> holds.</summary>
    public void Check(bool condition, string key, string message)
    {
        if (!condition)
        {
            Fail(key, message);
        }
    }

    /// <summary>
    /// Records an error against a declared key under the name it was given by (an alias, when one was
    /// used) and in the source it came from, so a cross-field error points at what the user wrote.
    /// </summary>
    public void Fail(MetadataKey key, string message)
    {
        var name = NameUsed(key);
        Fail(name, message, SourceOf(key, name));
    }

    /// <summary>Records <paramref name="message"/> against <paramref name="key"/> (as <see cref="Fail(MetadataKey, string)"/>) unless <paramref name="condition"/> holds.</summary>
    public void Check(bool condition, MetadataKey key, string message)
    {
        if (!condition)
        {
            Fail(key, message);
        }
    }

    /// <summary>
    /// True when the key is given in one of its sources (under any of its names): a non-blank metadata
    /// value, a <c>keyFromEnv</c> reference, or an auth parameter. Its default does not count.
    /// </summary>
    public bool Has(MetadataKey key)
    {
        Read(key);
        foreach (var name in key.Names)
        {
            foreach (var source in key.Order)
            {
                var given = source switch
                {
                    KeySource.TriggerMetadata => !string.IsNullOrWhiteSpace(Context.Metadata.GetValueOrDefault(name)),
                    KeySource.ResolvedEnv => !string.IsNullOrWhiteSpace(Context.Metadata.GetValueOrDefault(name + FromEnvSuffix)),
                    _ => Context.AuthParams.TryGetValue(name, out var value) && (Context.ValidationOnly || !string.IsNullOrWhiteSpace(value)),
                };
                if (given)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Reports an error when more than one of <paramref name="keys"/> is given.</summary>
    public void AtMostOne(params MetadataKey[] keys)
    {
        var given = keys.Where(Has).ToArray();
        if (given.Length > 1)
        {
            Fail(given[1].Name, $"cannot be used together with {Quote(given[0].Name)}; give only one of {string.Join(", ", keys.Select(k => Quote(k.Name)))}");
        }
    }

    /// <summary>Reports an error unless exactly one of <paramref name="keys"/> is given.</summary>
    public void ExactlyOne(params MetadataKey[] keys)
    {
        if (!keys.Any(Has))
        {
            Fail(keys[0].Name, $"is required: give one of {string.Join(", ", keys.Select(k => Quote(k.Name)))}");
            return;
        }
        AtMostOne(keys);
    }

    /// <summary>A string value; null when absent and not required.</summary>
    public string? String(MetadataKey key, string? defaultValue = null, bool required = false)
    {
        var raw = Raw(key, required);
        if (raw.Value is not null && key.AllowedValues is not null)
        {
            return Allowed(key, raw.Value, key.AllowedValues) ?? defaultValue;
        }
        return raw.Deferred ? defaultValue ?? string.Empty : raw.Value ?? defaultValue;
    }

    /// <summary>A string that must be present; empty string (and an error) when absent.</summary>
    public string RequiredString(MetadataKey key) => String(key, required: true) ?? string.Empty;

    /// <summary>
    /// A secret from the authenticationRef parameters, falling back to metadata (then <c>keyFromEnv</c>)
    /// when <paramref name="alsoInMetadata"/>. Null when absent. While validating, a declared parameter
    /// reads as the empty string (present, value unknown).
    /// </summary>
    public string? Secret(string key, bool required = false, bool alsoInMetadata = false) =>
        String(alsoInMetadata
            ? MetadataKey.Named(key).From(KeySource.AuthParams, KeySource.TriggerMetadata, KeySource.ResolvedEnv)
            : MetadataKey.Secret(key), required: required);

    /// <summary>A floating-point number, finite, optionally bounded.</summary>
    public double Double(MetadataKey key, double defaultValue = 0, bool required = false, double? min = null, double? max = null, bool minExclusive = false)
    {
        var raw = Raw(key, required);
        if (raw.Value is null)
        {
            return defaultValue;
        }
        if (!double.TryParse(raw.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Fail(NameUsed(key), $"{Shown(key, raw.Value)} is not a number");
            return defaultValue;
        }
        CheckRange(key, value, value.ToString(CultureInfo.InvariantCulture), min ?? key.Min, max ?? key.Max, minExclusive || key.MinExclusive);
        return value;
    }

    /// <summary>A 64-bit integer, optionally bounded.</summary>
    public long Long(MetadataKey key, long defaultValue = 0, bool required = false, long? min = null, long? max = null)
    {
        var raw = Raw(key, required);
        if (raw.Value is null)
        {
            return defaultValue;
        }
        if (!long.TryParse(raw.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(NameUsed(key), $"{Shown(key, raw.Value)} is not an integer");
            return defaultValue;
        }
        CheckRange(key, value, value.ToString(CultureInfo.InvariantCulture), min ?? key.Min, max ?? key.Max, key.MinExclusive);
        return value;
    }

    /// <summary>A 32-bit integer, optionally bounded.</summary>
    public int Int(MetadataKey key, int defaultValue = 0, bool required = false, int? min = null, int? max = null) =>
        (int)Long(key, defaultValue, required, min ?? (long)Math.Max(key.Min ?? int.MinValue, int.MinValue), max ?? (long)Math.Min(key.Max ?? int.MaxValue, int.MaxValue));

    /// <summary>A boolean written <c>true</c> or <c>false</c> (any case).</summary>
    public bool Bool(MetadataKey key, bool defaultValue = false)
    {
        var raw = Raw(key, required: false);
        if (raw.Value is null)
        {
            return defaultValue;
        }
        if (!bool.TryParse(raw.Value.Trim(), out var value))
        {
            Fail(NameUsed(key), $"{Shown(key, raw.Value)} is not a boolean (true or false)");
            return defaultValue;
        }
        return value;
    }

    /// <summary>One of <paramref name="allowed"/> (compared ignoring case); returns the allowed spelling.</summary>
    public string OneOf(MetadataKey key, string defaultValue, params string[] allowed)
    {
        var raw = Raw(key, required: false);
        if (raw.Value is null || raw.Value.Trim().Length == 0)
        {
            return defaultValue;
        }
        return Allowed(key, raw.Value, allowed) ?? defaultValue;
    }

    /// <summary>A comma-separated list; entries trimmed, empty entries dropped.</summary>
    public IReadOnlyList<string> List(MetadataKey key, bool required = false)
    {
        var raw = Raw(key, required);
        if (raw.Value is null)
        {
            return [];
        }
        var entries = raw.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (key.AllowedValues is { } allowed)
        {
            entries = entries.Select(e => Allowed(key, e, allowed)).OfType<string>().ToArray();
        }
        if (key.ExclusiveValues is { } exclusive && entries.Count(e => exclusive.Contains(e, StringComparer.OrdinalIgnoreCase)) > 1)
        {
            Fail(NameUsed(key), $"\"{raw.Value}\" may contain only one of: {string.Join(", ", exclusive)}");
        }
        return entries;
    }

    /// <summary>A <c>k=v,k2=v2</c> map; keys and values trimmed.</summary>
    public IReadOnlyDictionary<string, string> Map(MetadataKey key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in List(key))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                Fail(NameUsed(key), $"\"{pair}\" is not a key=value pair");
                continue;
            }
            result[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }
        return result;
    }

    /// <summary>A duration, Go-style (<c>30s</c>, <c>2m</c>) or integer milliseconds.</summary>
    public TimeSpan Duration(MetadataKey key, TimeSpan defaultValue, TimeSpan? min = null)
    {
        var raw = Raw(key, required: false);
        if (raw.Value is null)
        {
            return defaultValue;
        }
        if (!GoDuration.TryParse(raw.Value, out var value))
        {
            Fail(NameUsed(key), $"{Shown(key, raw.Value)} is not a duration (Go-style like 30s or 2m, or integer milliseconds)");
            return defaultValue;
        }
        if (min is { } floor && value < floor)
        {
            Fail(NameUsed(key), $"must be at least {floor.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms, found {raw.Value.Trim()}");
            return defaultValue;
        }
        return value;
    }

    /// <summary>The allowed spelling of <paramref name="value"/>, or null (and an error) when it is not allowed.</summary>
    private string? Allowed(MetadataKey key, string value, IReadOnlyList<string> allowed)
    {
        var match = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Fail(NameUsed(key), $"{Shown(key, value)} is not one of: {string.Join(", ", allowed)}");
        }
        return match;
    }

    /// <summary>The name under which the key was found (an alias, perhaps), for the error's location.</summary>
    private string NameUsed(MetadataKey key) => namesUsed.GetValueOrDefault(key.Name, key.Name);

    /// <summary>A value as a message may show it: quoted, or hidden for a secret.</summary>
    private static string Shown(MetadataKey key, string value) => key.IsSecret ? "the value" : Quote(value);

    private static string Quote(string text) => $"\"{text}\"";

    /// <summary>Reports a value outside [min, max]; <paramref name="found"/> is the value as the user should see it.</summary>
    private void CheckRange(MetadataKey key, double value, string found, double? min, double? max, bool minExclusive)
    {
        if (min is { } low && (minExclusive ? value <= low : value < low))
        {
            Fail(NameUsed(key), $"must be {(minExclusive ? ">" : ">=")} {low.ToString(CultureInfo.InvariantCulture)}, found {found}");
        }
        else if (max is { } high && value > high)
        {
            Fail(NameUsed(key), $"must be <= {high.ToString(CultureInfo.InvariantCulture)}, found {found}");
        }
    }
}
