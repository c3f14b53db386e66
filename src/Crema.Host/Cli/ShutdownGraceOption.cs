using System.Globalization;
using Crema.Host.Daemon;

namespace Crema.Host.Cli;

/// <summary>
/// How long <c>crema run</c> may take to stop after SIGTERM: <c>--shutdown-grace</c>, else
/// <c>CREMA_SHUTDOWN_GRACE</c>, else 8 s (<see cref="ShutdownGrace.Default"/>: Cloud Run kills 10 s after SIGTERM).
/// </summary>
internal static class ShutdownGraceOption
{
    public const string Variable = "CREMA_SHUTDOWN_GRACE";

    /// <summary>An hour: more is surely a unit mistake (Kubernetes' default grace is 30 s).</summary>
    private const double MaxSeconds = 3_600;

    public static bool TryResolve(string? option, Func<string, string?> environment, out TimeSpan grace, out string? error)
    {
        error = null;
        grace = ShutdownGrace.Default;
        var (value, source) = option is not null ? (option, "--shutdown-grace") : (environment(Variable), Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= MaxSeconds)
        {
            grace = TimeSpan.FromSeconds(seconds);
            return true;
        }
        error = $"{source}: \"{Crema.Abstractions.UntrustedText.Escape(value)}\" is not a number of seconds from 0 to {MaxSeconds:0}";
        return false;
    }
}
