namespace Crema.Google.CloudRun;

/// <summary>
/// Told about every HTTP attempt the Cloud Run client makes, for metrics. <c>method</c> is
/// "get", "patch" or "operations.get"; <c>target</c> the resource name as the caller gave it; <c>status</c> is the HTTP status, 0 when no response arrived.
/// Called on the caller's async flow: keep it cheap and thread-safe.
/// </summary>
public interface ICloudRunCallObserver
{
    /// <summary>One attempt finished.</summary>
    void OnCall(string method, string target, int status);
}
