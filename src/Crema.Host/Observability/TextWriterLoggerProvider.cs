using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Crema.Host.Observability;

/// <summary>
/// Writes log lines to a <see cref="TextWriter"/> with the console's formatter, synchronously; used
/// instead of the console when a caller (the tests) wants the daemon's log output.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer, ConsoleFormatter formatter) : ILoggerProvider
{
    private readonly Lock gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    private void Write(string line)
    {
        lock (gate)
        {
            writer.Write(line);
            writer.Flush();
        }
    }

    private ConsoleFormatter Formatter => formatter;

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriterLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var line = new StringWriter();
            owner.Formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), null, line);
            owner.Write(line.ToString());
        }
    }
}
