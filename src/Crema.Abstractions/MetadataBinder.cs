using System.Globalization;

namespace Crema.Abstractions;

/// <summary>
/// Reads a trigger's string metadata into typed values, the one way every scaler does it, so errors
/// read the same everywhere. Each method records problems instead of throwing and returns the
/// default, so one pass finds every error. <c>xFromEnv: VAR</c> is honoured for every key; while
/// validating (<see cref="ScalerContext.ValidationOnly"/>) values from the environment and from
/// secrets are taken as present but unknown, and the default is returned for them.
/// </summary>
public sealed partial class MetadataBinder
{
    private const string FromEnvSuffix = "FromEnv";
    private readonly List<MetadataError> errors = [];
    private readonly HashSet<string> readKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> knownKeys = new(StringComparer.Ordinal);

    /// <summary>Creates a binder over one trigger's context.</summary>
    public MetadataBinder(ScalerContext context) => Context = context;

    /// <summary>The trigger being bound.</summary>
    public ScalerContext Context { get; }

    /// <summary>Every error recorded so far.</summary>
    public IReadOnlyList<MetadataError> Errors => errors;

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

    /// <summary>True when the key is given a non-blank value in metadata, directly or as <c>keyFromEnv</c>.</summary>
    public bool Has(string key)
    {
        Read(key);
        return !string.IsNullOrWhiteSpace(Context.Metadata.GetValueOrDefault(key))
            || !string.IsNullOrWhiteSpace(Context.Metadata.GetValueOrDefault(key + FromEnvSuffix));
    }

    /// <summary>A string value; null when absent and not required.</summary>
    public string? String(string key, string? defaultValue = null, bool required = false)
    {
        var raw = Raw(key, required);
        return raw.Deferred ? defaultValue ?? string.Empty : raw.Value ?? defaultValue;
    }

    /// <summary>A string that must be present; empty string (and an error) when absent.</summary>
    public string RequiredString(string key) => String(key, required: true) ?? string.Empty;

    /// <summary>A secret from the authenticationRef parameters, falling back to metadata when <paramref name="alsoInMetadata"/>.</summary>
    public string? Secret(string key, bool required = false, bool alsoInMetadata = false)
    {
        if (Context.AuthParams.TryGetValue(key, out var value))
        {
            return value;
        }
        if (alsoInMetadata && Has(key))
        {
            return String(key);
        }
        if (required)
        {
            Fail(key, "is required" + MetadataError.AuthenticationRefHint, MetadataSource.AuthParams);
        }
        return null;
    }

    /// <summary>A floating-point number, finite, optionally bounded.</summary>
    public double Double(string key, double defaultValue = 0, bool required = false, double? min = null, double? max = null, bool minExclusive = false)
    {
        var raw = Raw(key, required);
        if (raw.Value is null)
        {
            return defaultValue;
        }
        if (!double.TryParse(raw.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Fail(key, $"\"{raw.Value}\" is not a number");
            return defaultValue;
        }
        CheckRange(key, value, value.ToString(CultureInfo.InvariantCulture), min, max, minExclusive);
        return value;
    }

    /// <summary>A 64-bit integer, optionally bounded.</summary>
    public long Long(string key, long defaultValue = 0, bool required = false, long? min = null, long? max = null)
    {
        var raw = Raw(key, required);
        if (raw.Value is null)
        {
            return defaultValue;
        }
        if (!long.TryParse(raw.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(key, $"\"{raw.Value}\" is not an integer");
            return defaultValue;
        }
        CheckRange(key, value, value.ToString(CultureInfo.InvariantCulture), min, max, minExclusive: false);
        return value;
    }

    /// <summary>A 32-bit integer, optionally bounded.</summary>
    public int Int(string key, int defaultValue = 0, bool required = false, int? min = null, int? max = null) =>
        (int)Long(key, defaultValue, required, min ?? int.MinValue, max ?? int.MaxValue);

    /// <summary>A boolean written <c>true</c> or <c>false</c> (any case).</summary>
    public bool Bool(string key, bool defaultValue = false)
    {
        var raw = Raw(key, required: false);
        if (raw.Value is null)
        {
            return defaultValue;
        }
        if (!bool.TryParse(raw.Value.Trim(), out var value))
        {
            Fail(key, $"\"{raw.Value}\" is not a boolean (true or false)");
            return defaultValue;
        }
        return value;
    }

    /// <summary>One of <paramref name="allowed"/> (compared ignoring case); returns the allowed spelling.</summary>
    public string OneOf(string key, string defaultValue, params string[] allowed)
    {
        var raw = Raw(key, required: false);
        if (raw.Value is null || raw.Value.Trim().Length == 0)
        {
            return defaultValue;
        }
        var match = allowed.FirstOrDefault(a => string.Equals(a, raw.Value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Fail(key, $"\"{raw.Value}\" is not one of: {string.Join(", ", allowed)}");
            return defaultValue;
        }
        return match;
    }

    /// <summary>A comma-separated list; entries trimmed, empty entries dropped.</summary>
    public IReadOnlyList<string> List(string key, bool required = false)
    {
        var raw = Raw(key, required);
        if (raw.Value is null)
        {
            return [];
        }
        return raw.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A <c>k=v,k2=v2</c> map; keys and values trimmed.</summary>
    public IReadOnlyDictionary<string, string> Map(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in List(key))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                Fail(key, $"\"{pair}\" is not a key=value pair");
                continue;
            }
            result[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }
        return result;
    }

    /// <summary>A duration, Go-style (<c>30s</c>, <c>2m</c>) or integer milliseconds.</summary>
    public TimeSpan Duration(string key, TimeSpan defaultValue, TimeSpan? min = null)
    {
        var raw = Raw(key, required: false);
        if (raw.Value is null)
        {
            return defaultValue;
        }
        if (!GoDuration.TryParse(raw.Value, out var value))
        {
            Fail(key, $"\"{raw.Value}\" is not a duration (Go-style like 30s or 2m, or integer milliseconds)");
            return defaultValue;
        }
        if (min is { } floor && value < floor)
        {
            Fail(key, $"must be at least {floor.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms, found {raw.Value.Trim()}");
            return defaultValue;
        }
        return value;
    }

    /// <summary>Metadata keys that no binder call read (tolerated by KEDA; we warn).</summary>
    public IReadOnlyList<string> UnknownKeys() =>
        Context.Metadata.Keys.Where(k => !readKeys.Contains(k)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every metadata key a binder call read, without the <c>keyFromEnv</c> twins (for "did you mean").</summary>
    public IReadOnlyList<string> KnownKeys() => knownKeys.Order(StringComparer.Ordinal).ToArray();

    private void Read(string key)
    {
        knownKeys.Add(key);
        readKeys.Add(key);
        readKeys.Add(key + FromEnvSuffix);
    }

    /// <summary>Reports a value outside [min, max]; <paramref name="found"/> is the value as the user should see it.</summary>
    private void CheckRange(string key, double value, string found, double? min, double? max, bool minExclusive)
    {
        if (min is { } low && (minExclusive ? value <= low : value < low))
        {
            Fail(key, $"must be {(minExclusive ? ">" : ">=")} {low.ToString(CultureInfo.InvariantCulture)}, found {found}");
        }
        else if (max is { } high && value > high)
        {
            Fail(key, $"must be <= {high.ToString(CultureInfo.InvariantCulture)}, found {found}");
        }
    }
}
