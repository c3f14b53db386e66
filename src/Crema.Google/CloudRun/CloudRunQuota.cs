using System.Globalization;

namespace Crema.Google.CloudRun;

/// <summary>
/// The Cloud Run Admin API quotas Crema paces itself to, per project and region (Cloud Run's own scope
/// for them): "Read requests per minute per region" (reads of targets and of operations) and "Write
/// requests per minute per region" (the updates). Defaults: 600 reads and 60 writes a minute, what
/// projects are commonly granted (the console's Quotas page, service run.googleapis.com, shows your
/// project's values; set higher ones here once granted), and at most 32 requests in flight. Set from CREMA_RUN_READS_PER_MINUTE,
/// CREMA_RUN_WRITES_PER_MINUTE and CREMA_RUN_MAX_REQUESTS_IN_FLIGHT.
/// </summary>
public sealed record CloudRunQuota
{
    /// <summary>Environment variable of <see cref="ReadsPerMinute"/>.</summary>
    public const string ReadsVariable = "CREMA_RUN_READS_PER_MINUTE";

    /// <summary>Environment variable of <see cref="WritesPerMinute"/>.</summary>
    public const string WritesVariable = "CREMA_RUN_WRITES_PER_MINUTE";

    /// <summary>Environment variable of <see cref="MaxRequestsInFlight"/>.</summary>
    public const string InFlightVariable = "CREMA_RUN_MAX_REQUESTS_IN_FLIGHT";

    /// <summary>GETs of targets and operations in any 60 s, per project and region; default 600.</summary>
    public int ReadsPerMinute { get; init; } = 600;

    /// <summary>PATCHes in any 60 s, per project and region; default 60.</summary>
    public int WritesPerMinute { get; init; } = 60;

    /// <summary>HTTP requests under way at once, per project and region; default 32.</summary>
    public int MaxRequestsInFlight { get; init; } = 32;

    /// <summary>The defaults.</summary>
    public static CloudRunQuota Default { get; } = new();

    /// <summary>
    /// Reads the three variables through <paramref name="getVariable"/> (unset or blank keeps the default);
    /// throws <see cref="ArgumentException"/> naming the variable for a value that is not a positive integer.
    /// </summary>
    public static CloudRunQuota FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var defaults = Default;
        return new CloudRunQuota
        {
            ReadsPerMinute = Read(getVariable, ReadsVariable) ?? defaults.ReadsPerMinute,
            WritesPerMinute = Read(getVariable, WritesVariable) ?? defaults.WritesPerMinute,
            MaxRequestsInFlight = Read(getVariable, InFlightVariable) ?? defaults.MaxRequestsInFlight,
        };
    }

    private static int? Read(Func<string, string?> getVariable, string name)
    {
        var value = getVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"{name} must be a whole number above 0, got \"{value}\".", nameof(getVariable));
    }
}
