using System.Globalization;

namespace Crema.Scalers.Redis;

/// <summary>Reads the INFO reply.</summary>
internal static class RedisServerInfo
{
    /// <summary>The major version from the <c>redis_version:7.0.15</c> line, or null when there is none or it is not a number.</summary>
    public static int? MajorVersion(string info)
    {
        foreach (var line in info.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("redis_version:", StringComparison.Ordinal))
            {
                var major = trimmed["redis_version:".Length..].Split('.')[0];
                return int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
            }
        }
        return null;
    }
}
