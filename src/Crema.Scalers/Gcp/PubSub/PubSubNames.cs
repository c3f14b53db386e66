using System.Text;
using System.Text.RegularExpressions;

namespace Crema.Scalers.Gcp.PubSub;

/// <summary>Pub/Sub resource names and metric names.</summary>
internal static partial class PubSubNames
{
    /// <summary>Splits <c>projects/P/subscriptions/S</c> (or <c>topics/T</c>); false when not in that form.</summary>
    public static bool TryParseFullName(string name, out string project, out string collection, out string id)
    {
        var match = FullName().Match(name);
        project = match.Success ? match.Groups[1].Value : string.Empty;
        collection = match.Success ? match.Groups[2].Value : string.Empty;
        id = match.Success ? match.Groups[3].Value : string.Empty;
        return match.Success;
    }

    /// <summary>Why a short subscription or topic id is invalid, or null when it is valid.</summary>
    public static string? ProblemWithId(string id)
    {
        if (id.StartsWith("goog", StringComparison.OrdinalIgnoreCase))
        {
            return $"\"{id}\" is not a Pub/Sub name: names cannot start with \"goog\"";
        }
        return ValidId().IsMatch(id)
            ? null
            : $"\"{id}\" is not a Pub/Sub name (3-255 characters: a letter, then letters, digits, -_.~+%)";
    }

    /// <summary>
    /// The metric name of a mode: SubscriptionSize is num_undelivered_messages; any other CamelCase
    /// mode becomes snake_case (OldestUnackedMessageAge -> oldest_unacked_message_age).
    /// </summary>
    public static string MetricName(string mode)
    {
        if (string.Equals(mode, "SubscriptionSize", StringComparison.OrdinalIgnoreCase))
        {
            return "num_undelivered_messages";
        }
        var builder = new StringBuilder(mode.Length + 8);
        for (var i = 0; i < mode.Length; i++)
        {
            var c = mode[i];
            var startsWord = char.IsAsciiLetterUpper(c) && i > 0 && mode[i - 1] != '_'
                && (char.IsAsciiLetterLower(mode[i - 1]) || char.IsAsciiDigit(mode[i - 1])
                    || (i + 1 < mode.Length && char.IsAsciiLetterLower(mode[i + 1])));
            if (startsWord)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>True when a mode is a plausible metric suffix (letters, digits, underscores).</summary>
    public static bool IsValidMode(string mode) => ValidMode().IsMatch(mode);

    [GeneratedRegex(@"^projects/([^/]+)/(subscriptions|topics)/([^/]+)$")]
    private static partial Regex FullName();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$")]
    private static partial Regex ValidId();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex ValidMode();
}
