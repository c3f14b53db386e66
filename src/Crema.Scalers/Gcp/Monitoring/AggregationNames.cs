namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// KEDA's short aligner and reducer names (<c>mean</c>, <c>percentile_99</c>, <c>none</c>) mapped to
/// the API's enum names; the enum names themselves (<c>ALIGN_MEAN</c>) are accepted too.
/// </summary>
internal static class AggregationNames
{
    /// <summary>Short aligner names, for error messages.</summary>
    public static readonly string[] Aligners =
    [
        "none", "delta", "rate", "interpolate", "next_older", "min", "max", "mean", "count", "sum", "stddev",
        "count_true", "count_false", "fraction_true", "percentile_99", "percentile_95", "percentile_50",
        "percentile_05", "percent_change",
    ];

    /// <summary>Short reducer names, for error messages.</summary>
    public static readonly string[] Reducers =
    [
        "none", "mean", "min", "max", "sum", "stddev", "count", "count_true", "count_false", "fraction_true",
        "percentile_99", "percentile_95", "percentile_50", "percentile_05",
    ];

    /// <summary>The ALIGN_* name, or null when unknown. Empty means none.</summary>
    public static string? Aligner(string name) => Map(name, "ALIGN_", Aligners);

    /// <summary>The REDUCE_* name, or null when unknown. Empty means none.</summary>
    public static string? Reducer(string name) => Map(name, "REDUCE_", Reducers);

    private static string? Map(string name, string prefix, string[] known)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (lower.Length == 0)
        {
            lower = "none";
        }
        if (lower.StartsWith(prefix.ToLowerInvariant(), StringComparison.Ordinal))
        {
            lower = lower[prefix.Length..];
        }
        return known.Contains(lower, StringComparer.Ordinal) ? prefix + lower.ToUpperInvariant() : null;
    }
}
