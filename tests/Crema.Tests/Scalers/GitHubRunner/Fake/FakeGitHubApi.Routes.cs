using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Crema.Tests.Scalers.GitHubRunner.Fake;

public sealed partial class FakeGitHubApi
{
    private const string RunsDocs = "https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository";

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var reply = Route(request, path);
        lock (gate)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Accept"] = request.Headers.Accept.ToString(),
                ["X-GitHub-Api-Version"] = request.Headers["X-GitHub-Api-Version"].ToString(),
                ["User-Agent"] = request.Headers.UserAgent.ToString(),
                ["Authorization-Scheme"] = request.Headers.Authorization.ToString().Split(' ')[0],
            };
            var relative = path.StartsWith(pathPrefix, StringComparison.Ordinal) ? path[pathPrefix.Length..] : path;
            requests.Add(new FakeGitHubRequest(request.Method, relative, request.QueryString.Value ?? "", reply.Status,
                request.Headers.IfNoneMatch.Count > 0, headers));
        }
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }
        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private Reply Route(HttpRequest request, string path)
    {
        lock (gate)
        {
            if (!path.StartsWith(pathPrefix + "/", StringComparison.Ordinal))
            {
                return NotFound("https://docs.github.com/rest");
            }
            if (redirect is { } to)
            {
                return new Reply(to.Status, null, [("Location", to.ApiUrl + path[pathPrefix.Length..] + request.QueryString.Value)]);
            }
            var segments = path[pathPrefix.Length..].Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
            if (request.Method == "POST" && segments is ["app", "installations", var installation, "access_tokens"])
            {
                return IssueInstallationToken(request, installation);
            }
            if (request.Method != "GET")
            {
                return NotFound("https://docs.github.com/rest");
            }
            if (!Authorized(request))
            {
                return Json(401, ErrorJson("Bad credentials", "https://docs.github.com/rest", 401));
            }
            if (RateLimitRefusal() is { } refusal)
            {
                return refusal;
            }
            var root = $"{request.Scheme}://{request.Host}{pathPrefix}";
            var query = QueryHelpers.ParseQuery(request.QueryString.Value);
            return segments switch
            {
                ["orgs" or "users", var owner, "repos"] => ListRepos(request, owner, root, query),
                ["repos", var owner, var repo, "actions", "runs"] => ListRuns(request, owner, repo, root, query),
                ["repos", var owner, var repo, "actions", "runs", var runId, "jobs"] => ListJobs(request, owner, repo, runId, root, query),
                _ => NotFound("https://docs.github.com/rest"),
            };
        }
    }

    private Reply ListRepos(HttpRequest request, string owner, string root, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        var owned = repos.Where(r => string.Equals(r.Owner, owner, StringComparison.OrdinalIgnoreCase)).OrderBy(r => r.Id).ToList();
        if (owned.Count == 0)
        {
            return NotFound("https://docs.github.com/rest/repos/repos#list-organization-repositories");
        }
        return Page(request, query, owned.Select(r => (JsonNode)RepoJson(r, root)).ToList(), items => new JsonArray([.. items]));
    }

    private Reply ListRuns(HttpRequest request, string owner, string repo, string root, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        if (FindRepo(owner, repo) is not { } found)
        {
            return NotFound(RunsDocs);
        }
        var status = query.TryGetValue("status", out var s) ? s.ToString() : null;
        var matching = runs.Values.Where(r => r.Repo == found && (status is null || r.Status == status)).OrderByDescending(r => r.Id).ToList();
        return Page(request, query, matching.Select(r => (JsonNode)RunJson(r, root)).ToList(),
            items => new JsonObject { ["total_count"] = matching.Count, ["workflow_runs"] = new JsonArray([.. items]) });
    }

    private Reply ListJobs(HttpRequest request, string owner, string repo, string runId, string root, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        if (FindRepo(owner, repo) is not { } found || !long.TryParse(runId, CultureInfo.InvariantCulture, out var id)
            || !runs.TryGetValue(id, out var run) || run.Repo != found)
        {
            return NotFound("https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run");
        }
        var all = run.Jobs.OrderBy(j => j.Id).ToList();
        return Page(request, query, all.Select(j => (JsonNode)JobJson(j, root)).ToList(),
            items => new JsonObject { ["total_count"] = all.Count, ["jobs"] = new JsonArray([.. items]) });
    }

    /// <summary>Cuts one page out of <paramref name="items"/>, adds the Link header, and answers 304 to a matching If-None-Match.</summary>
    private Reply Page(HttpRequest request, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, List<JsonNode> items, Func<IEnumerable<JsonNode>, JsonNode> wrap)
    {
        var perPage = Math.Clamp(Int(query, "per_page", 30), 1, 100);
        var page = Math.Max(1, Int(query, "page", 1));
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var body = wrap(items.Skip((page - 1) * perPage).Take(perPage)).ToJsonString();
        var headers = new List<(string, string)>();
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{PageUrl(request, page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(request, last)}>; rel=\"last\"");
        }
        if (page > 1)
        {
            links.Add($"<{PageUrl(request, page - 1)}>; rel=\"prev\"");
            links.Add($"<{PageUrl(request, 1)}>; rel=\"first\"");
        }
        if (links.Count > 0)
        {
            headers.Add(("Link", string.Join(", ", links)));
        }
        if (EmitEtags)
        {
            var etag = "W/\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))) + "\"";
            headers.Add(("ETag", etag));
            if (request.Headers.IfNoneMatch.ToString() == etag)
            {
                // A 304 does not count against the rate limit.
                return new Reply(304, null, [.. headers, .. RateLimitHeaders()]);
            }
        }
        RateLimitRemaining--;
        return new Reply(200, body, [.. headers, .. RateLimitHeaders()]);
    }

    private static string PageUrl(HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.Path}", query);
    }

    private static int Int(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string key, int fallback) =>
        query.TryGetValue(key, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var i) ? i : fallback;

    private Reply? RateLimitRefusal()
    {
        var now = time.GetUtcNow();
        if (now >= RateLimitReset)
        {
            RateLimitRemaining = RateLimit;
            RateLimitReset = now.AddHours(1);
        }
        if (secondaryLimitUntil > now)
        {
            var wait = (int)Math.Ceiling((secondaryLimitUntil - now).TotalSeconds);
            return Json(403, ErrorJson("You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits", 403),
                [("Retry-After", wait.ToString(CultureInfo.InvariantCulture)), .. RateLimitHeaders()]);
        }
        if (RateLimitRemaining <= 0)
        {
            return Json(403, ErrorJson("API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api", 403), RateLimitHeaders());
        }
        return null;
    }

    private (string, string)[] RateLimitHeaders() =>
    [
        ("X-RateLimit-Limit", RateLimit.ToString(CultureInfo.InvariantCulture)),
        ("X-RateLimit-Remaining", Math.Max(0, RateLimitRemaining).ToString(CultureInfo.InvariantCulture)),
        ("X-RateLimit-Reset", RateLimitReset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ("X-RateLimit-Used", Math.Max(0, RateLimit - RateLimitRemaining).ToString(CultureInfo.InvariantCulture)),
        ("X-RateLimit-Resource", "core"),
    ];

    private Reply NotFound(string documentation)
    {
        RateLimitRemaining--;
        return Json(404, ErrorJson("Not Found", documentation, 404), RateLimitHeaders());
    }

    private static Reply Json(int status, JsonNode body, params (string, string)[] headers) => new(status, body.ToJsonString(), headers);

    private sealed record Reply(int Status, string? Body, (string Name, string Value)[] Headers);
}
