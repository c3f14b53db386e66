using Microsoft.Extensions.Logging;

namespace Crema.Host.Cli;

/// <summary>The daemon's log level: <c>--log-level</c>, else <c>CREMA_LOG_LEVEL</c>, else info.</summary>
internal static class LogLevels
{
    public const string Variable = "CREMA_LOG_LEVEL";

    private static readonly Dictionary<string, LogLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["info"] = LogLevel.Information,
        ["warning"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
    };

    public static IReadOnlyList<string> Names { get; } = [.. Levels.Keys];

    public static bool TryResolve(string? option, Func<string, string?> environment, out LogLevel level, out string? error)
    {
        error = null;
        level = LogLevel.Information;
        if (option is not null)
        {
            level = Levels[option];
            return true;
        }
        if (environment(Variable) is not { Length: > 0 } value)
        {
            return true;
        }
        if (Levels.TryGetValue(value.Trim(), out level))
        {
            return true;
        }
        error = $"{Variable}: \"{Crema.Abstractions.UntrustedText.Escape(value)}\" is not a log level; use one of: {string.Join(", ", Names)}";
        return false;
    }
}
