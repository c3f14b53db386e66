using System.Text.RegularExpressions;

namespace Crema.Host.Leadership;

/// <summary>A parsed <c>--lease</c>: <c>gs://BUCKET/OBJECT</c> or <c>k8s://NAMESPACE/NAME</c>.</summary>
internal sealed partial record LeaseLocation(LeaseStoreKind Kind, string Container, string Name)
{
    public const string Forms = "gs://BUCKET/OBJECT (a Cloud Storage object) or k8s://NAMESPACE/NAME (a Kubernetes Lease)";

    public override string ToString() => Kind == LeaseStoreKind.CloudStorage ? $"gs://{Container}/{Name}" : $"k8s://{Container}/{Name}";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong and what is expected.</summary>
    public static bool TryParse(string text, out LeaseLocation? location, out string error)
    {
        location = null;
        error = string.Empty;
        var trimmed = text.Trim();
        var scheme = trimmed.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? string.Empty : trimmed[(scheme + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? rest : rest[..slash];
        var name = slash < 0 ? string.Empty : rest[(slash + 1)..];
        switch (scheme < 0 ? string.Empty : trimmed[..scheme])
        {
            case "gs":
                if (!BucketName().IsMatch(container))
                {
                    error = $"\"{text}\": \"{container}\" is not a Cloud Storage bucket name (3 to 222 characters: a-z, 0-9, -, _ and .)";
                }
                else if (name.Length == 0 || name.Length > 1024 || name is "." or ".." || name.Any(char.IsControl))
                {
                    error = $"\"{text}\": give the object name after the bucket, e.g. gs://{container}/crema-leader";
                }
                else
                {
                    location = new LeaseLocation(LeaseStoreKind.CloudStorage, container, name);
                }
                break;
            case "k8s":
                if (!DnsLabel().IsMatch(container))
                {
                    error = $"\"{text}\": \"{container}\" is not a Kubernetes namespace (a DNS label: a-z, 0-9 and -, at most 63 characters)";
                }
                else if (name.Length > 253 || !DnsSubdomain().IsMatch(name))
                {
                    error = $"\"{text}\": \"{name}\" is not a Kubernetes object name (a-z, 0-9, - and ., at most 253 characters), e.g. k8s://{container}/crema";
                }
                else
                {
                    location = new LeaseLocation(LeaseStoreKind.Kubernetes, container, name);
                }
                break;
            default:
                error = $"\"{text}\" is not {Forms}";
                break;
        }
        return location is not null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")]
    private static partial Regex DnsSubdomain();
}
