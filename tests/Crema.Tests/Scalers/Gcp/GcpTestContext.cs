using System.Security.Cryptography;
using System.Text.Json;
using Crema.Abstractions;

namespace Crema.Tests.Scalers.Gcp;

/// <summary>Builds scaler contexts for the GCP tests.</summary>
internal static class GcpTestContext
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ScalerContext Create(
        string type,
        IReadOnlyDictionary<string, string> metadata,
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyDictionary<string, string>? authParams = null,
        FakeMonitoringServer? server = null,
        TimeProvider? clock = null,
        IScalerServices? services = null,
        bool validationOnly = false,
        bool podIdentity = false)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (server is not null)
        {
            env["CREMA_MONITORING_ENDPOINT"] = server.BaseUrl.AbsoluteUri;
        }
        return new ScalerContext
        {
            TriggerType = type,
            TriggerName = "0",
            ScaledObjectName = "worker",
            Metadata = metadata,
            AuthParams = authParams ?? new Dictionary<string, string>(),
            Environment = name => env.TryGetValue(name, out var value) ? value : null,
            TimeProvider = clock ?? TimeProvider.System,
            Services = services ?? new DefaultScalerServices(),
            ValidationOnly = validationOnly,
            UsePodIdentity = podIdentity,
        };
    }

    /// <summary>A syntactically real service-account key with a fresh RSA key (never valid at Google).</summary>
    public static string ServiceAccountJson(string email = "scaler@my-proj.iam.gserviceaccount.com", string project = "key-project")
    {
        using var rsa = RSA.Create(2048);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = project,
            ["private_key_id"] = "abc123",
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = email,
            ["client_id"] = "1234567890",
            ["token_uri"] = "https://oauth2.googleapis.com/token",
        });
    }
}
