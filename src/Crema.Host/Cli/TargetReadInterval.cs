using System.Globalization;
using Crema.Host.Daemon;

namespace Crema.Host.Cli;

/// <summary>
/// How often each target's count is read again to notice other writers: <c>--target-read-interval</c>,
/// else <c>CREMA_TARGET_READ_INTERVAL</c>, else 15 s (<see cref="TargetHealthOptions.DefaultReadInterval"/>).
/// </summary>
internal static class TargetReadInterval
{
    public const string Variable = "CREMA_TARGET_READ_INTERVAL";

    /// <summary>A day: more than that is surely a unit mistake, and would hide drift for good.</summary>
    private const double MaxSeconds = 86_400;

    public static bool TryResolve(string? option, Func<string, string?> environment, out TimeSpan interval, out string? error)
    {
        error = null;
        interval = TargetHealthOptions.DefaultReadInterval;
        var (value, source) = option is not null ? (option, "--target-read-interval") : (environment(Variable), Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= MaxSeconds)
        {
            interval = TimeSpan.FromSeconds(seconds);
            return true;
        }
        error = $"{source}: \"{Crema.Abstractions.UntrustedText.Escape(value)}\" is not a number of seconds from 0 to {MaxSeconds:0}";
        return false;
    }
}
