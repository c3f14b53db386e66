using Microsoft.Extensions.Logging;

namespace Crema.Host.Observability.Otlp;

/// <summary>
/// The last export's outcome, logged once per change: the first accepted export, each new way of failing (a
/// collector down is one warning, not one per interval) and the recovery. Exports run on the SDK's own thread,
/// so a failing collector costs scaling nothing.
/// </summary>
internal sealed partial class OtlpExportHealth(ILogger logger, OtlpExportOptions options)
{
    private readonly Lock gate = new();
    private bool seen;
    private string? failure;

    /// <summary>One export's outcome: null when accepted, else why not.</summary>
    public void Record(string? outcome)
    {
        bool recovered;
        lock (gate)
        {
            if (seen && outcome == failure)
            {
                return;
            }
            recovered = failure is not null;
            seen = true;
            failure = outcome;
        }
        if (outcome is not null)
        {
            LogFailing(logger, options.DisplayEndpoint, outcome, options.Interval.TotalSeconds);
        }
        else if (recovered)
        {
            LogRecovered(logger, options.DisplayEndpoint);
        }
        else
        {
            LogAccepted(logger, options.DisplayEndpoint, options.ProtocolName);
        }
    }

    [LoggerMessage(EventId = 1, EventName = "OtlpExportFailing", Level = LogLevel.Warning,
        Message = "OTLP metrics export to {Endpoint} failed: {Reason}; scaling goes on, the next export is in {IntervalSeconds} s (logged again when this changes)")]
    private static partial void LogFailing(ILogger logger, string endpoint, string reason, double intervalSeconds);

    [LoggerMessage(EventId = 2, EventName = "OtlpExportRecovered", Level = LogLevel.Information, Message = "OTLP metrics export to {Endpoint} accepted again")]
    private static partial void LogRecovered(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 3, EventName = "OtlpExportAccepted", Level = LogLevel.Information, Message = "OTLP metrics export to {Endpoint} ({Protocol}) accepted")]
    private static partial void LogAccepted(ILogger logger, string endpoint, string protocol);
}
