using System.Globalization;

namespace Crema.Scalers.MetricsApi;

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
