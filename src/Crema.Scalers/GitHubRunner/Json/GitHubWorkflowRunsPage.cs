using System.Text.Json.Serialization;

namespace Crema.Scalers.GitHubRunner.Json;

/// <summary>One page of <c>GET /repos/{owner}/{repo}/actions/runs</c>: <c>{total_count, workflow_runs}</c>.</summary>
internal sealed record GitHubWorkflowRunsPage(
    [property: JsonPropertyName("total_count")] int TotalCount,
    [property: JsonPropertyName("workflow_runs")] IReadOnlyList<GitHubWorkflowRun>? WorkflowRuns);
