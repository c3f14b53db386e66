using Microsoft.Extensions.Logging;

namespace Crema.Host.Daemon;

internal sealed partial class DaemonHost
{
    [LoggerMessage(Level = LogLevel.Information, Message = "serving /healthz, /readyz, /metrics, /status and / on {Addresses}; dry run: {DryRun}")]
    private static partial void LogServing(ILogger logger, string addresses, bool dryRun);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopping: finishing Cloud Run updates already sent, abandoning reads")]
    private static partial void LogStopping(ILogger logger);
}
