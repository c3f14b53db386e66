using Microsoft.Extensions.Logging;

namespace Crema.Scalers.Redis;

/// <summary>
/// The logger StackExchange.Redis is given for one connect, kept only for why it failed: an aborted connect throws
/// "Error connecting right now" without its cause, which the library logs as an error with the exception (an
/// OpenSSL alert "certificate required", "Connection reset by peer" from a TLS port). The root cause, the innermost
/// exception's message, of the first such error is kept (a disposed socket is skipped: the teardown, not the cause);
/// nothing else is stored and nothing is written anywhere.
/// </summary>
internal sealed class RedisConnectFailures : ILoggerFactory, ILogger
{
    private readonly TaskCompletionSource<string> reason = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first logged root cause, waiting up to <paramref name="grace"/> (real time) for it; null when none came.</summary>
    public async Task<string?> ReasonAsync(TimeSpan grace)
    {
        await Task.WhenAny(reason.Task, Task.Delay(grace)).ConfigureAwait(false);
        return reason.Task.IsCompletedSuccessfully ? reason.Task.Result : null;
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && !reason.Task.IsCompleted;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (exception is null || !IsEnabled(logLevel))
        {
            return;
        }
        var root = exception;
        while (root.InnerException is not null)
        {
            root = root.InnerException;
        }
        if (root is ObjectDisposedException)
        {
            // The library tearing the failed socket down ("Cannot access a disposed object"), sometimes logged
            // before the error that made it: a consequence, not the reason.
            return;
        }
        reason.TrySetResult(root.Message);
    }
}
