using System.Globalization;

namespace Crema.Scalers.MetricsApi;

/// <summary>What one component of a GJSON path does.</summary>
internal enum GjsonStepKind
{
    /// <summary>An object key (wildcards allowed) or an array index.</summary>
    Key,

    /// <summary><c>#</c>: an array's length, or with <c>.rest</c> the rest applied to every item.</summary>
    Hash,

    /// <summary><c>#(...)</c>: the first item that matches.</summary>
    Query,

    /// <summary><c>#(...)#</c>: every item that matches.</summary>
    QueryAll,

    /// <summary><c>@this</c>: the current value.</summary>
    This,
}

/// <summary>One component of a GJSON path and the separator before it (<c>|</c> when <see cref="Piped"/>, else <c>.</c>).</summary>
internal sealed record GjsonStep(GjsonStepKind Kind, bool Piped)
{
    /// <summary>The key as written, escapes kept (matched as a pattern when it has a wildcard).</summary>
    public string Pattern { get; init; } = "";

    /// <summary>The key with its escapes removed.</summary>
    public string Name { get; init; } = "";

    public bool Wildcard { get; init; }

    public GjsonQuery? Query { get; init; }

    /// <summary>The array index a key names (digits only, as GJSON's parseUint), or null.</summary>
    public int? Index => !Wildcard && Name.Length > 0 && Name.All(char.IsAsciiDigit)
        && int.TryParse(Name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    public bool MatchesName(string name) => Wildcard ? WildcardPattern.Matches(name, Pattern) : string.Equals(name, Name, StringComparison.Ordinal);
}
