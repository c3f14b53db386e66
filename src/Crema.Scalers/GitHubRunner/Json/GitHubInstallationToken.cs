using System.Text.Json.Serialization;

namespace Crema.Scalers.GitHubRunner.Json;

/// <summary>The reply of <c>POST /app/installations/{id}/access_tokens</c>: <c>{token, expires_at, ...}</c>.</summary>
internal sealed record GitHubInstallationToken(
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt);
