namespace Crema.Host.Cli;

/// <summary>
/// Whether /metrics has series per trigger: <c>--trigger-metrics on|off</c>, else <c>CREMA_TRIGGER_METRICS</c>,
/// else on. Off drops every series with a <c>trigger</c> label (about 6 of the 28 lines an object with one trigger
/// costs, more with several triggers), for very many objects; object-level series and alerts keep working.
/// </summary>
internal static class TriggerMetricsOption
{
    public const string Variable = "CREMA_TRIGGER_METRICS";

    public static IReadOnlyList<string> Names { get; } = ["on", "off"];

    public static bool TryResolve(string? option, Func<string, string?> environment, out bool perTrigger, out string? error)
    {
        error = null;
        perTrigger = true;
        var value = option ?? environment(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        switch (value.Trim().ToLowerInvariant())
        {
            case "on":
                return true;
            case "off":
                perTrigger = false;
                return true;
            default:
                error = $"{(option is null ? Variable : "--trigger-metrics")}: \"{Crema.Abstractions.UntrustedText.Escape(value)}\" is not on or off";
                return false;
        }
    }
}
