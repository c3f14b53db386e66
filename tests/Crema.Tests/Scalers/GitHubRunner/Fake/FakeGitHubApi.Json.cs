using System.Globalization;
using System.Text.Json.Nodes;

namespace Crema.Tests.Scalers.GitHubRunner.Fake;

public sealed partial class FakeGitHubApi
{
    private static string Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static JsonNode? TimeOrNull(DateTimeOffset? at) => at is null ? null : JsonValue.Create(Time(at));

    private static JsonObject Account(string login, long id, string root) => new()
    {
        ["login"] = login,
        ["id"] = id,
        ["node_id"] = "MDEyOk9yZ2FuaXphdGlvbjE=",
        ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{id}?v=4",
        ["gravatar_id"] = "",
        ["url"] = $"{root}/users/{login}",
        ["html_url"] = $"https://github.com/{login}",
        ["followers_url"] = $"{root}/users/{login}/followers",
        ["repos_url"] = $"{root}/users/{login}/repos",
        ["events_url"] = $"{root}/users/{login}/events{{/privacy}}",
        ["type"] = "Organization",
        ["user_view_type"] = "public",
        ["site_admin"] = false,
    };

    /// <summary>A repository as in <c>GET /orgs/{org}/repos</c> (a "minimal repository").</summary>
    private static JsonObject RepoJson(Repo repo, string root)
    {
        var full = $"{repo.Owner}/{repo.Name}";
        return new JsonObject
        {
            ["id"] = repo.Id,
            ["node_id"] = "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
            ["name"] = repo.Name,
            ["full_name"] = full,
            ["private"] = false,
            ["owner"] = Account(repo.Owner, 1, root),
            ["html_url"] = $"https://github.com/{full}",
            ["description"] = null,
            ["fork"] = false,
            ["url"] = $"{root}/repos/{full}",
            ["hooks_url"] = $"{root}/repos/{full}/hooks",
            ["pulls_url"] = $"{root}/repos/{full}/pulls{{/number}}",
            ["created_at"] = "2024-01-01T00:00:00Z",
            ["updated_at"] = "2024-01-01T00:00:00Z",
            ["pushed_at"] = "2024-01-01T00:00:00Z",
            ["default_branch"] = "main",
            ["visibility"] = "public",
            ["archived"] = repo.Archived,
            ["disabled"] = repo.Disabled,
            ["permissions"] = new JsonObject { ["admin"] = false, ["push"] = false, ["pull"] = true },
        };
    }

    /// <summary>A workflow run as in <c>GET /repos/{owner}/{repo}/actions/runs</c>.</summary>
    private static JsonObject RunJson(Run run, string root)
    {
        var full = $"{run.Repo.Owner}/{run.Repo.Name}";
        var url = $"{root}/repos/{full}/actions/runs/{run.Id}";
        var status = run.Status;
        return new JsonObject
        {
            ["id"] = run.Id,
            ["name"] = run.WorkflowName,
            ["node_id"] = "WFR_kwLOBC1JYc8AAAAB",
            ["head_branch"] = "main",
            ["head_sha"] = "acb5820ced9479c074f688cc328bf03f341a511d",
            ["path"] = ".github/workflows/ci.yml",
            ["display_title"] = "Update README.md",
            ["run_number"] = run.Id % 1000,
            ["event"] = "push",
            ["status"] = status,
            ["conclusion"] = status == "completed" ? "success" : null,
            ["workflow_id"] = 159038,
            ["check_suite_id"] = run.Id + 7,
            ["check_suite_node_id"] = "CS_kwDOBC1JYc8AAAAB",
            ["url"] = url,
            ["html_url"] = $"https://github.com/{full}/actions/runs/{run.Id}",
            ["pull_requests"] = new JsonArray(),
            ["created_at"] = Time(run.CreatedAt),
            ["updated_at"] = Time(run.UpdatedAt),
            ["actor"] = Account("octocat", 583231, root),
            ["run_attempt"] = 1,
            ["referenced_workflows"] = new JsonArray(),
            ["run_started_at"] = Time(run.StartedAt ?? run.CreatedAt),
            ["triggering_actor"] = Account("octocat", 583231, root),
            ["jobs_url"] = url + "/jobs",
            ["logs_url"] = url + "/logs",
            ["check_suite_url"] = $"{root}/repos/{full}/check-suites/{run.Id + 7}",
            ["artifacts_url"] = url + "/artifacts",
            ["cancel_url"] = url + "/cancel",
            ["rerun_url"] = url + "/rerun",
            ["previous_attempt_url"] = null,
            ["workflow_url"] = $"{root}/repos/{full}/actions/workflows/159038",
            ["head_commit"] = new JsonObject
            {
                ["id"] = "acb5820ced9479c074f688cc328bf03f341a511d",
                ["tree_id"] = "d23f6eedb1e1b9610bbc754ddb5197bfe7271223",
                ["message"] = "Update README.md",
                ["timestamp"] = Time(run.CreatedAt),
                ["author"] = new JsonObject { ["name"] = "Mona Octocat", ["email"] = "octocat@github.com" },
                ["committer"] = new JsonObject { ["name"] = "GitHub", ["email"] = "noreply@github.com" },
            },
            ["repository"] = RepoJson(run.Repo, root),
            ["head_repository"] = RepoJson(run.Repo, root),
        };
    }

    /// <summary>A job as in <c>GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs</c>.</summary>
    private static JsonObject JobJson(Job job, string root)
    {
        var full = $"{job.Run.Repo.Owner}/{job.Run.Repo.Name}";
        var status = job.Status switch
        {
            FakeJobStatus.Queued => "queued",
            FakeJobStatus.InProgress => "in_progress",
            _ => "completed",
        };
        var labels = new JsonArray();
        foreach (var label in job.Labels)
        {
            labels.Add(label);
        }
        var assigned = job.Status != FakeJobStatus.Queued;
        return new JsonObject
        {
            ["id"] = job.Id,
            ["run_id"] = job.Run.Id,
            ["workflow_name"] = job.Run.WorkflowName,
            ["head_branch"] = "main",
            ["run_url"] = $"{root}/repos/{full}/actions/runs/{job.Run.Id}",
            ["run_attempt"] = 1,
            ["node_id"] = "CR_kwDOBC1JYc8AAAAC",
            ["head_sha"] = "acb5820ced9479c074f688cc328bf03f341a511d",
            ["url"] = $"{root}/repos/{full}/actions/jobs/{job.Id}",
            ["html_url"] = $"https://github.com/{full}/actions/runs/{job.Run.Id}/job/{job.Id}",
            ["status"] = status,
            ["conclusion"] = status == "completed" ? "success" : null,
            ["created_at"] = Time(job.CreatedAt),
            ["started_at"] = Time(job.StartedAt ?? job.CreatedAt),
            ["completed_at"] = TimeOrNull(job.CompletedAt),
            ["name"] = job.Name,
            ["steps"] = new JsonArray(),
            ["check_run_url"] = $"{root}/repos/{full}/check-runs/{job.Id}",
            ["labels"] = labels,
            ["runner_id"] = assigned ? 1 : null,
            ["runner_name"] = assigned ? "runner-1" : null,
            ["runner_group_id"] = assigned ? 1 : null,
            ["runner_group_name"] = assigned ? "Default" : null,
        };
    }

    private static JsonObject ErrorJson(string message, string documentation, int status) => new()
    {
        ["message"] = message,
        ["documentation_url"] = documentation,
        ["status"] = status.ToString(CultureInfo.InvariantCulture),
    };
}
