namespace Crema.Host.Daemon;

/// <summary>Reads parts of Cloud Run resource names (<c>projects/P/locations/L/workerPools/N</c>).</summary>
internal static class CloudRunNames
{
    public static string ProjectOf(string resourceName)
    {
        var parts = resourceName.Split('/');
        return parts.Length > 1 && parts[0] == "projects" ? parts[1] : string.Empty;
    }
}
