using System.Text.Json.Serialization;

namespace Crema.Scalers.GitHubRunner.Json;

/// <summary>GitHub's error reply: <c>{message, documentation_url, status}</c>.</summary>
internal sealed record GitHubErrorBody([property: JsonPropertyName("message")] string? Message);
