using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Support;

/// <summary>A logger that keeps every entry (level and formatted message) for assertions.</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));

    /// <summary>Entries at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<string> AtLeast(LogLevel level) => [.. Entries.Where(e => e.Level >= level).Select(e => e.Message)];
}
