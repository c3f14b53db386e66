namespace Crema.Google;

/// <summary>OAuth scopes Crema asks for.</summary>
public static class GoogleScopes
{
    /// <summary>Cloud Run, Secret Manager and Parameter Manager.</summary>
    public const string CloudPlatform = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>Read-only Cloud Monitoring.</summary>
    public const string MonitoringRead = "https://www.googleapis.com/auth/monitoring.read";
}
