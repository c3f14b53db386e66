using System.Globalization;
using System.Text.Json;
using Crema.Abstractions;
using Crema.Google.Http;

namespace Crema.Google.Secrets;

/// <summary>Secret Manager v1 <c>versions:access</c> over HttpClient.</summary>
internal sealed class SecretManagerClient : ISecretManagerClient
{
    private readonly GoogleApiHttp api;
    private readonly Uri baseAddress;

    public SecretManagerClient(HttpClient http, Uri baseAddress, IAccessTokenSource? tokens, TimeProvider time, GoogleApiRetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        this.baseAddress = baseAddress;
        api = new GoogleApiHttp(http, tokens, [GoogleScopes.CloudPlatform], time, retry);
    }

    public async Task<byte[]> AccessAsync(string project, string secretId, string version, CancellationToken cancellationToken)
    {
        var name = VersionName(project, secretId, version);
        var response = await api.SendAsync(HttpMethod.Get, new Uri(baseAddress, $"v1/{name}:access"), "access", null, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            var error = response.Error ?? new GoogleApiError(response.StatusCode, null, $"HTTP {response.StatusCode}");
            throw new GoogleApiException($"accessing secret {name}: {error}", response.StatusCode, error.Status);
        }

        return ReadPayload(name, response.Body);
    }

    internal static string VersionName(string project, string secretId, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretId);
        var versionId = string.IsNullOrWhiteSpace(version) ? "latest" : version.Trim();
        if (secretId.StartsWith("projects/", StringComparison.Ordinal))
        {
            return secretId.Contains("/versions/", StringComparison.Ordinal) ? secretId : $"{secretId}/versions/{versionId}";
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        return $"projects/{project}/secrets/{secretId}/versions/{versionId}";
    }

    /// <summary>The payload of an access reply, its CRC32C checked; throws <see cref="GoogleApiException"/> for anything else.</summary>
    internal static byte[] ReadPayload(string name, string body)
    {
        byte[] data;
        string? checksum = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
            {
                throw new GoogleApiException($"accessing secret {name}: the reply has no payload", 0, null);
            }

            data = payload.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetBytesFromBase64() : [];
            if (payload.TryGetProperty("dataCrc32c", out var crc))
            {
                checksum = crc.ValueKind == JsonValueKind.Number ? crc.GetRawText() : crc.GetString();
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new GoogleApiException($"accessing secret {name}: the reply is not a valid payload ({ex.GetType().Name})", 0, null);
        }

        if (checksum is not null)
        {
            if (!long.TryParse(checksum, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expected)
                || expected != Crc32C.Compute(data))
            {
                throw new GoogleApiException($"accessing secret {name}: payload checksum mismatch (CRC32C), the data was corrupted in transit", 0, "DATA_LOSS");
            }
        }

        return data;
    }
}
