namespace Crema.Abstractions;

/// <summary>
/// A metric source for one trigger of one scaled object. Built once by its factory and reused for
/// every poll until it fails or the configuration changes; then it is disposed and rebuilt.
/// Implementations must be safe to call from one poll loop at a time (never concurrently).
/// </summary>
public interface IScaler : IAsyncDisposable
{
    /// <summary>Reads the current value. Throws (any exception) when the source cannot be read.</summary>
    ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken);
}
