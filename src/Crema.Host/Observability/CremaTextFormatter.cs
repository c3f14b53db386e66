using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Crema.Host.Observability;

/// <summary>
/// One line per event for terminals: <c>12:03:04 WARNING Crema.Loop[TriggerFailed] pool-a: trigger ...</c>.
/// The event is named by its name (the logging method), not the generated number the simple console prints.
/// Times are UTC, like Cloud Logging's.
/// </summary>
internal sealed class CremaTextFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "crema-text";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var eventName = logEntry.EventId.Name is { Length: > 0 } name
            ? name.StartsWith("Log", StringComparison.Ordinal) && name.Length > 3 ? name[3..] : name
            : logEntry.EventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        textWriter.Write(DateTimeOffset.UtcNow.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(' ');
        textWriter.Write(CloudLoggingFormatter.Severity(logEntry.LogLevel));
        textWriter.Write(' ');
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(eventName);
        textWriter.Write("] ");
        textWriter.Write(message);
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write(" | ");
            textWriter.Write(exception.ToString().ReplaceLineEndings(" | "));
        }
        textWriter.Write('\n');
    }
}
