using System.Diagnostics.CodeAnalysis;

namespace Crema.Google.CloudRun;

/// <summary>
/// A parsed Cloud Run resource name. <see cref="Name"/> is canonical: the API's collection is
/// <c>workerPools</c>, and Crema also accepts the lower-case <c>workerpools</c> users often write.
/// </summary>
public sealed record CloudRunResourceName(string Project, string Location, CloudRunTargetKind Kind, string Id)
{
    /// <summary><c>projects/{p}/locations/{l}/workerPools/{n}</c> or <c>.../services/{n}</c>.</summary>
    public string Name => $"projects/{Project}/locations/{Location}/{Collection}/{Id}";

    private string Collection => Kind == CloudRunTargetKind.WorkerPool ? "workerPools" : "services";

    /// <summary>Parses a resource name; throws <see cref="ArgumentException"/> naming the expected form.</summary>
    public static CloudRunResourceName Parse(string name) =>
        TryParse(name, out var parsed)
            ? parsed
            : throw new ArgumentException(
                $"\"{name}\" is not a Cloud Run resource name; expected projects/PROJECT/locations/REGION/workerPools/NAME or .../services/NAME.",
                nameof(name));

    /// <summary>Parses a resource name (a leading '/' or "v2/" is tolerated).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out CloudRunResourceName? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var text = name.Trim().TrimStart('/');
        if (text.StartsWith("v2/", StringComparison.Ordinal))
        {
            text = text[3..];
        }

        var parts = text.Split('/');
        if (parts.Length != 6 || parts[0] != "projects" || parts[2] != "locations"
            || parts.Any(string.IsNullOrWhiteSpace))
        {
            return false;
        }

        CloudRunTargetKind? kind = parts[4] switch
        {
            "workerPools" or "workerpools" => CloudRunTargetKind.WorkerPool,
            "services" => CloudRunTargetKind.Service,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        parsed = new CloudRunResourceName(parts[1], parts[3], kind.Value, parts[5]);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
