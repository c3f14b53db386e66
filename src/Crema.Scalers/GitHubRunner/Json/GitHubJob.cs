using System.Text.Json.Serialization;

namespace Crema.Scalers.GitHubRunner.Json;

/// <summary>The fields we read of one job in <c>GET /repos/{owner}/{repo}/actions/runs/{id}/jobs</c>.</summary>
internal sealed record GitHubJob(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("run_id")] long RunId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("labels")] IReadOnlyList<string>? Labels);
