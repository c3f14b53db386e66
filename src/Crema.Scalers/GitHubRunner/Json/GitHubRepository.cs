using System.Text.Json.Serialization;

namespace Crema.Scalers.GitHubRunner.Json;

/// <summary>The fields we read of a repository in <c>GET /orgs/{org}/repos</c> and <c>/users/{user}/repos</c>.</summary>
internal sealed record GitHubRepository(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("archived")] bool Archived,
    [property: JsonPropertyName("disabled")] bool Disabled);
