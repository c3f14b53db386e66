using Crema.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Crema.Tests.Scalers.GitHubRunner.Fake;

/// <summary>
/// A fake of the GitHub REST API parts the github-runner scaler uses, served by Kestrel on
/// 127.0.0.1 and a free port: repository lists of an org or user, workflow runs by status, jobs of a
/// run, GitHub App installation tokens. Replies have GitHub's JSON shapes, Link-header pagination
/// (per_page default 30, at most 100), weak ETags with 304 replies, rate-limit headers with 403 refusals,
/// and 404s with GitHub's error body. Run status follows its jobs. Thread-safe; start with
/// <see cref="StartAsync"/>, dispose to stop.
/// </summary>
public sealed partial class FakeGitHubApi : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly TimeProvider time;
    private readonly string pathPrefix;
    private readonly List<FakeGitHubRequest> requests = [];
    private LoopbackWebApp? app;
    private (string ApiUrl, int Status)? redirect;

    private FakeGitHubApi(string pathPrefix, TimeProvider time)
    {
        this.pathPrefix = pathPrefix.TrimEnd('/');
        this.time = time;
        RateLimitReset = time.GetUtcNow().AddHours(1);
        RateLimitRemaining = RateLimit;
    }

    /// <summary>The API base URL to put in <c>githubApiURL</c>, for example <c>http://127.0.0.1:41234/api/v3</c>.</summary>
    public string ApiUrl { get; private set; } = string.Empty;

    /// <summary>When set, every call must carry <c>Authorization: Bearer</c> with this token (or an installation token). Null accepts any caller.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Whether replies carry an ETag (and If-None-Match gets 304). Default true, as GitHub.</summary>
    public bool EmitEtags { get; set; } = true;

    /// <summary>The hourly quota reported in X-RateLimit-Limit. Default 5000.</summary>
    public int RateLimit { get; set; } = 5000;

    /// <summary>Calls left in this window; every reply but a 304 takes one.</summary>
    public int RateLimitRemaining { get; set; }

    /// <summary>When the window ends and the quota is restored.</summary>
    public DateTimeOffset RateLimitReset { get; set; }

    /// <summary>Starts a fake on 127.0.0.1 and a free port. <paramref name="pathPrefix"/> "/api/v3" imitates GitHub Enterprise Server.</summary>
    public static async Task<FakeGitHubApi> StartAsync(string pathPrefix = "", TimeProvider? time = null)
    {
        var fake = new FakeGitHubApi(pathPrefix, time ?? TimeProvider.System);
        fake.app = await LoopbackWebApp.StartAsync(app => app.Run(fake.HandleAsync)).ConfigureAwait(false);
        fake.ApiUrl = fake.app.BaseAddress + fake.pathPrefix;
        return fake;
    }

    /// <summary>Every request answered so far, oldest first.</summary>
    public IReadOnlyList<FakeGitHubRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return requests.ToList();
            }
        }
    }

    /// <summary>Forgets the request log (for example between two polls).</summary>
    public void ClearRequests()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    /// <summary>
    /// Answers every request with <paramref name="status"/> (a redirect) to the same path and query under
    /// <paramref name="apiUrl"/> (for example another fake's <see cref="ApiUrl"/>), as GitHub does for a moved repository.
    /// </summary>
    public void RedirectTo(string apiUrl, int status = 302)
    {
        lock (gate)
        {
            redirect = (apiUrl.TrimEnd('/'), status);
        }
    }

    /// <summary>Empties the quota until <paramref name="resetIn"/> from now: calls get 403 with X-RateLimit-Remaining 0.</summary>
    public void ExhaustRateLimit(TimeSpan resetIn)
    {
        lock (gate)
        {
            RateLimitRemaining = 0;
            RateLimitReset = time.GetUtcNow() + resetIn;
        }
    }

    /// <summary>Imposes a secondary rate limit: calls get 403 with Retry-After for <paramref name="duration"/>.</summary>
    public void ImposeSecondaryRateLimit(TimeSpan duration)
    {
        lock (gate)
        {
            secondaryLimitUntil = time.GetUtcNow() + duration;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
        lock (gate)
        {
            foreach (var (_, key) in installations.Values)
            {
                key.Dispose();
            }
        }
    }
}
