namespace Crema.Core.Configuration.Binding;

/// <summary>Finds the closest valid name for a misspelled one ("did you mean X?").</summary>
internal static class NameSuggester
{
    // A shared start shorter than this is a coincidence ("max" in maxReplicaCount and maxLag), not a likely slip.
    private const int MinimumSharedPrefix = 4;

    /// <summary>
    /// The closest candidate when it is near enough to be a likely typo, else null. Near enough means a small
    /// edit distance, or (when no candidate is that close) a shared start covering most of the given name,
    /// so a shortened or lengthened name ("minReplicas", "cooldown") still finds its field. Case is ignored.
    /// </summary>
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        var list = candidates as IReadOnlyList<string> ?? candidates.ToList();
        return ClosestByDistance(given, list) ?? ClosestByPrefix(given, list);
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The length of the start two names share, ignoring case.</summary>
    public static int SharedPrefix(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && char.ToUpperInvariant(a[length]) == char.ToUpperInvariant(b[length]))
        {
            length++;
        }
        return length;
    }

    private static string? ClosestByDistance(string given, IReadOnlyList<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(given.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        var allowed = Math.Max(2, given.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>
    /// The candidate sharing the longest start with the given name, when that start is at least
    /// <see cref="MinimumSharedPrefix"/> characters and covers at least 60% of the given name
    /// (all of it when one name is a prefix of the other).
    /// </summary>
    private static string? ClosestByPrefix(string given, IReadOnlyList<string> candidates)
    {
        string? best = null;
        var bestShared = 0;
        foreach (var candidate in candidates)
        {
            var shared = SharedPrefix(given, candidate);
            if (shared > bestShared)
            {
                best = candidate;
                bestShared = shared;
            }
        }
        var coversGiven = bestShared * 5 >= given.Length * 3;
        return bestShared >= MinimumSharedPrefix && coversGiven ? best : null;
    }
}
