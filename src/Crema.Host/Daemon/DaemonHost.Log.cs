using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

internal sealed partial class DaemonHost
{
    [LoggerMessage(Level = LogLevel.Information, Message = "serving /healthz, /readyz, /metrics, /status and / on {Addresses}; dry run: {DryRun}")]
    private static partial void LogServing(ILogger logger, string addresses, bool dryRun);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopping within {GraceSeconds} s: reads abandoned, accepted Cloud Run updates left to finish there, unanswered ones given until shortly before the end")]
    private static partial void LogStopping(ILogger logger, double graceSeconds);
}
