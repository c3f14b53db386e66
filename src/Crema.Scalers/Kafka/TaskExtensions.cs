namespace Crema.Scalers.Kafka;

/// <summary>Fire-and-forget without unobserved exceptions.</summary>
internal static class TaskExtensions
{
    /// <summary>Observes the task's exception, if any, so an abandoned task never raises UnobservedTaskException.</summary>
    public static void Forget(this Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
