using System.Text.Json.Serialization;

namespace Crema.Scalers.GitHubRunner.Json;

/// <summary>One page of <c>GET /repos/{owner}/{repo}/actions/runs/{id}/jobs</c>: <c>{total_count, jobs}</c>.</summary>
internal sealed record GitHubJobsPage(
    [property: JsonPropertyName("total_count")] int TotalCount,
    [property: JsonPropertyName("jobs")] IReadOnlyList<GitHubJob>? Jobs);
