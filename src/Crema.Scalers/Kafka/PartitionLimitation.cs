using System.Globalization;

namespace Crema.Scalers.Kafka;

/// <summary>Parses KEDA's <c>partitionLimitation</c>: a comma list of partition ids and inclusive ranges (<c>1,2,10-12</c>).</summary>
internal static class PartitionLimitation
{
    private const int MaxRangeSize = 100_000;

    public static bool TryParse(string text, out IReadOnlySet<int> partitions, out string error)
    {
        var result = new SortedSet<int>();
        partitions = result;
        error = string.Empty;
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = raw.IndexOf('-', 1 < raw.Length ? 1 : 0);
            if (dash > 0)
            {
                if (!TryId(raw[..dash], out var start) || !TryId(raw[(dash + 1)..], out var end) || end < start || end - start > MaxRangeSize)
                {
                    error = $"\"{raw}\" is not a partition range (from-to, from <= to)";
                    return false;
                }
                for (var id = start; id <= end; id++)
                {
                    result.Add(id);
                }
            }
            else if (TryId(raw, out var id))
            {
                result.Add(id);
            }
            else
            {
                error = $"\"{raw}\" is not a partition id";
                return false;
            }
        }
        return true;
    }

    private static bool TryId(string text, out int id) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
