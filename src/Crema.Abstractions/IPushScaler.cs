namespace Crema.Abstractions;

/// <summary>
/// A scaler that can also push activity changes between polls (KEDA's external-push). The host
/// calls <see cref="WatchActivityAsync"/> once and acts on every <c>true</c> at once (0 -&gt; 1).
/// The implementation handles reconnects itself and ends only when cancelled.
/// </summary>
public interface IPushScaler : IScaler
{
    /// <summary>Yields each activity message the source pushes.</summary>
    IAsyncEnumerable<bool> WatchActivityAsync(CancellationToken cancellationToken);
}
