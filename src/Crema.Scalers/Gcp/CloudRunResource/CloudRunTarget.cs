namespace Crema.Scalers.Gcp.CloudRunResource;

/// <summary>
/// The scaled object's Cloud Run target, as Cloud Monitoring labels it: a service's instances report under the
/// monitored resource <c>cloud_run_revision</c> (label <c>service_name</c>), a worker pool's under
/// <c>cloud_run_worker_pool</c> (label <c>worker_pool_name</c>); both carry <c>location</c> and <c>project_id</c>.
/// </summary>
/// <param name="Project">The project id or number (the Monitoring scope queried).</param>
/// <param name="Location">The region.</param>
/// <param name="IsWorkerPool">True for a worker pool, false for a service.</param>
/// <param name="Name">The service or worker pool id.</param>
internal sealed record CloudRunTarget(string Project, string Location, bool IsWorkerPool, string Name)
{
    /// <summary>The monitored resource type its instances report under.</summary>
    public string ResourceType => IsWorkerPool ? "cloud_run_worker_pool" : "cloud_run_revision";

    /// <summary>The resource label naming it.</summary>
    public string NameLabel => IsWorkerPool ? "worker_pool_name" : "service_name";

    /// <summary>In words, for messages.</summary>
    public string Describe() => $"{(IsWorkerPool ? "worker pool" : "service")} {Name} ({Location}, project {Project})";

    /// <summary>
    /// <c>projects/P/locations/L/workerPools/N</c> (or <c>workerpools</c>) or <c>.../services/N</c>; null for anything
    /// else (the scale target's own validation explains the form).
    /// </summary>
    public static CloudRunTarget? Parse(string? name)
    {
        var parts = name?.Split('/');
        if (parts is not ["projects", { Length: > 0 } project, "locations", { Length: > 0 } location, var kind, { Length: > 0 } id])
        {
            return null;
        }
        return kind switch
        {
            "workerPools" or "workerpools" => new CloudRunTarget(project, location, true, id),
            "services" => new CloudRunTarget(project, location, false, id),
            _ => null,
        };
    }
}
