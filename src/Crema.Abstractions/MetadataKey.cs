namespace Crema.Abstractions;

/// <summary>
/// The declaration of one metadata key, made once per scaler in the spirit of KEDA's typed config
/// (<c>keda:"name=a;b,order=...,optional,default=...,enum=...,range,deprecated=...,exclusiveSet=..."</c>):
/// its names, the sources it is read from and in which order, whether it is required, its default,
/// the values it allows and its deprecation. <see cref="MetadataBinder"/> reads values through it.
/// A plain string converts to a key read from metadata (then <c>keyFromEnv</c>) with no other rule.
/// </summary>
public sealed record MetadataKey
{
    private static readonly IReadOnlyList<KeySource> MetadataThenEnv = [KeySource.TriggerMetadata, KeySource.ResolvedEnv];

    private MetadataKey(string name, IReadOnlyList<string> aliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Aliases = aliases;
    }

    /// <summary>The key's name as documented, used in messages.</summary>
    public string Name { get; }

    /// <summary>Other accepted spellings, looked up after <see cref="Name"/> in each source. Default none.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Every accepted name: <see cref="Name"/> first, then the aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);

    /// <summary>The sources in lookup order. Default: trigger metadata, then <c>keyFromEnv</c>.</summary>
    public IReadOnlyList<KeySource> Order { get; private init; } = MetadataThenEnv;

    /// <summary>True when the key must be given (a default satisfies it). Default false.</summary>
    public bool IsRequired { get; private init; }

    /// <summary>What to add to "is required", for example which other key can replace it. Default none.</summary>
    public string? RequiredHint { get; private init; }

    /// <summary>The default as text, read like a written value (KEDA's <c>default=</c>). Default none.</summary>
    public string? DefaultText { get; private init; }

    /// <summary>The values allowed (compared ignoring case; a list value is checked per entry). Default any.</summary>
    public IReadOnlyList<string>? AllowedValues { get; private init; }

    /// <summary>Values of which a list may hold at most one (KEDA's <c>exclusiveSet</c>). Default none.</summary>
    public IReadOnlyList<string>? ExclusiveValues { get; private init; }

    /// <summary>Lower bound of a number. Default none.</summary>
    public double? Min { get; private init; }

    /// <summary>True when <see cref="Min"/> itself is not allowed. Default false.</summary>
    public bool MinExclusive { get; private init; }

    /// <summary>Upper bound of a number (inclusive). Default none.</summary>
    public double? Max { get; private init; }

    /// <summary>Set when giving the key is an error (KEDA's <c>deprecated=</c>): the message says what to use instead.</summary>
    public string? RemovedMessage { get; private init; }

    /// <summary>Set when the key still works but is deprecated (KEDA's <c>deprecatedAnnounce=</c>): reported as a warning.</summary>
    public string? DeprecatedMessage { get; private init; }

    /// <summary>True when the value is a secret: it never appears in a message. Default: true when read only from auth parameters.</summary>
    public bool IsSecret => Order is [KeySource.AuthParams];

    /// <summary>Declares a key with its documented name and any other accepted spellings.</summary>
    public static MetadataKey Named(string name, params string[] aliases) => new(name, aliases);

    /// <summary>A key read only from the authenticationRef's parameters (a secret).</summary>
    public static MetadataKey Secret(string name, params string[] aliases) => Named(name, aliases).From(KeySource.AuthParams);

    /// <summary>Reads the key from these sources, in this order.</summary>
    public MetadataKey From(params KeySource[] order)
    {
        if (order.Length == 0)
        {
            throw new ArgumentException("A key needs at least one source.", nameof(order));
        }
        return this with { Order = order };
    }

    /// <summary>Makes the key required; <paramref name="hint"/> is added to the message (for example "or set listName").</summary>
    public MetadataKey Required(string? hint = null) => this with { IsRequired = true, RequiredHint = hint };

    /// <summary>The value used when the key is absent, written as a user would write it.</summary>
    public MetadataKey Default(string text) => this with { DefaultText = text };

    /// <summary>Restricts the value (each entry of a list) to these, compared ignoring case.</summary>
    public MetadataKey OneOf(params string[] allowed) => this with { AllowedValues = allowed };

    /// <summary>A list may hold at most one of these values.</summary>
    public MetadataKey AtMostOneOf(params string[] values) => this with { ExclusiveValues = values };

    /// <summary>Bounds a number: at least <paramref name="min"/> (above it when <paramref name="minExclusive"/>), at most <paramref name="max"/>.</summary>
    public MetadataKey Range(double? min = null, double? max = null, bool minExclusive = false) =>
        this with { Min = min, Max = max, MinExclusive = minExclusive };

    /// <summary>A number that must be &gt; 0.</summary>
    public MetadataKey Positive() => Range(0, Max, minExclusive: true);

    /// <summary>A number that must be &gt;= 0.</summary>
    public MetadataKey NotNegative() => Range(0, Max);

    /// <summary>Giving the key is an error; <paramref name="message"/> says what replaces it.</summary>
    public MetadataKey Removed(string message) => this with { RemovedMessage = message };

    /// <summary>The key still works, with a warning; <paramref name="message"/> says what replaces it.</summary>
    public MetadataKey Deprecated(string message) => this with { DeprecatedMessage = message };

    /// <summary>A key read from metadata (then <c>keyFromEnv</c>) with no other rule.</summary>
    public static implicit operator MetadataKey(string name) => Named(name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
