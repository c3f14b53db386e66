using System.Globalization;
using Crema.Abstractions;

namespace Crema.Scalers.Beanstalkd;

/// <summary>
/// Reads the body of a <c>stats-tube</c> reply, a flat YAML dictionary (<c>---</c>, then <c>key: value</c> lines),
/// as go-beanstalk's parseDict and mapstructure's weak decoding do for KEDA: lines without <c>": "</c> are
/// skipped, an absent count reads as 0, and a count that is not an integer is an error.
/// </summary>
internal static class BeanstalkdStatsParser
{
    /// <summary>The counts; throws <see cref="BeanstalkdException"/> for a count that is not an integer.</summary>
    public static BeanstalkdTubeStats Parse(string body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in body.Split('\n'))
        {
            var separator = line.IndexOf(": ", StringComparison.Ordinal);
            if (separator > 0)
            {
                values[line[..separator]] = line[(separator + 2)..].TrimEnd('\r');
            }
        }
        return new BeanstalkdTubeStats(
            Count(values, "current-jobs-ready"),
            Count(values, "current-jobs-reserved"),
            Count(values, "current-jobs-delayed"),
            Count(values, "current-jobs-buried"));
    }

    private static long Count(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return 0;
        }
        return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new BeanstalkdException($"stats-tube {name} \"{UntrustedText.Escape(text.Length <= 40 ? text : text[..40] + "…")}\" is not an integer");
    }
}
