namespace Crema.Scalers.Cron;

/// <summary>
/// Finds a time zone by IANA name as Go's <c>time.LoadLocation</c> (which KEDA uses) does: the system
/// tz database (on Linux <c>/usr/share/zoneinfo</c>, or <c>$TZDIR</c>), exact names, <c>UTC</c> and
/// <c>Local</c>. Windows names are not accepted: this build runs without ICU (invariant globalization),
/// so .NET cannot map them, and Go does not accept them either.
/// </summary>
internal static class TimeZoneLookup
{
    /// <summary>Where .NET reads the tz database on Linux.</summary>
    public static string DatabaseDirectory =>
        Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } directory ? directory : "/usr/share/zoneinfo";

    public static bool TryFind(string name, out TimeZoneInfo zone, out string error) =>
        TryFind(name, DatabaseDirectory, out zone, out error);

    /// <summary>As <see cref="TryFind(string, out TimeZoneInfo, out string)"/>; <paramref name="databaseDirectory"/> is only named in the error.</summary>
    internal static bool TryFind(string name, string databaseDirectory, out TimeZoneInfo zone, out string error)
    {
        zone = TimeZoneInfo.Utc;
        error = string.Empty;
        if (name == "Local")
        {
            zone = TimeZoneInfo.Local;
            return true;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        // A name that is a folder of the database ("Asia/") or a file .NET may not read gives a SecurityException.
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or System.Security.SecurityException or IOException or UnauthorizedAccessException)
        {
            error = OperatingSystem.IsLinux() && !Directory.Exists(databaseDirectory)
                ? $"\"{name}\" cannot be looked up: this system has no time zone database ({databaseDirectory} is missing; install tzdata, or use an image that has it)"
                : $"\"{name}\" is not a time zone in the tz database (use an IANA name such as Europe/Berlin or America/New_York)";
            return false;
        }
        // .NET matches names ignoring case; Go (and so KEDA) does not, so a config that works here works there.
        if (!string.Equals(zone.Id, name, StringComparison.Ordinal) && string.Equals(zone.Id, name, StringComparison.OrdinalIgnoreCase))
        {
            error = $"\"{name}\" is not a time zone name: names are case-sensitive, use \"{zone.Id}\"";
            return false;
        }
        return true;
    }
}
