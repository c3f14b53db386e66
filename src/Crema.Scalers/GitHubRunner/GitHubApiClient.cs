using System.Globalization;
using System.Runtime.Serialization;
using Crema.Scalers.Http;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// The GitHub REST calls of the scaler, made with Octokit: repositories of an owner, workflow runs by
/// status and the jobs of a run, every page of 100. The pipeline under Octokit's Connection is
/// <see cref="GitHubNotModifiedGuard"/> → CachingHttpClient over <see cref="GitHubResponseCache"/>
/// (only with ETags on) → <see cref="GitHubTrafficRecorder"/> → <see cref="GitHubHttpTransport"/>.
/// Octokit's errors become <see cref="GitHubApiException"/> naming the call, or
/// <see cref="GitHubRateLimitedException"/>. Not thread-safe: one poll at a time.
/// </summary>
internal sealed class GitHubApiClient
{
    internal const string UserAgent = "crema-github-runner-scaler";
    private static readonly ApiOptions EveryPageOf100 = new() { PageSize = 100 };
    private readonly GitHubTrafficRecorder traffic;
    private readonly IGitHubTokenSource tokens;
    private readonly GitHubRateLimitState rateLimit;
    private readonly GitHubResponseCache? cache;
    private readonly GitHubClient client;
    private readonly ApiConnection repositories;
    private readonly Uri apiRoot;

    public GitHubApiClient(GitHubTrafficRecorder traffic, Uri apiUrl, IGitHubTokenSource tokens, GitHubRateLimitState rateLimit, GitHubResponseCache? cache)
    {
        this.traffic = traffic;
        this.tokens = tokens;
        this.rateLimit = rateLimit;
        this.cache = cache;
        apiRoot = GitHubHttpTransport.WithTrailingSlash(apiUrl);
        IHttpClient pipeline = cache is null ? traffic : new CachingHttpClient(traffic, cache);
        client = Create(new GitHubNotModifiedGuard(pipeline), apiRoot, new GitHubTokenCredentials(tokens, traffic.Transport));
        repositories = new ApiConnection(client.Connection);
    }

    /// <summary>Requests sent since <see cref="BeginPoll"/>, conditional ones and the token exchange included.</summary>
    public int Requests => traffic.Requests;

    /// <summary>Requests since <see cref="BeginPoll"/> answered 304 (free against the rate limit).</summary>
    public int NotModified => traffic.NotModified;

    /// <summary>
    /// An Octokit client on <paramref name="apiRoot"/> as given. <c>new GitHubClient(header, baseUri)</c>
    /// would replace the path of any host but github.com with <c>/api/v3/</c>; KEDA uses githubApiURL as is.
    /// </summary>
    public static GitHubClient Create(IHttpClient wire, Uri apiRoot, ICredentialStore credentials) =>
        new(new Connection(new ProductHeaderValue(UserAgent), GitHubHttpTransport.WithTrailingSlash(apiRoot), credentials, wire, new SimpleJsonSerializer()));

    public void BeginPoll()
    {
        traffic.BeginPoll();
        cache?.BeginPoll();
    }

    /// <summary>Every repository of an organization (<c>/orgs/{owner}/repos</c>) or a user (<c>/users/{owner}/repos</c>).</summary>
    public Task<IReadOnlyList<GitHubListedRepository>> ListRepositoriesAsync(string owner, bool ofUser, CancellationToken cancellationToken) =>
        // The calls of client.Repository.GetAllForUser / GetAllForOrg, with a model that keeps "disabled".
        CallAsync(() => repositories.GetAll<GitHubListedRepository>(
            ofUser ? ApiUrls.Repositories(owner) : ApiUrls.OrganizationRepositories(owner), null, EveryPageOf100), cancellationToken);

    /// <summary>Every run of a repository with the given status (<c>queued</c> or <c>in_progress</c>).</summary>
    public async Task<IReadOnlyList<WorkflowRun>> ListRunsAsync(string owner, string repo, CheckRunStatusFilter status, CancellationToken cancellationToken)
    {
        var runs = await CallAsync(() => client.Actions.Workflows.Runs.List(owner, repo, new WorkflowRunsRequest { Status = status }, EveryPageOf100),
            cancellationToken).ConfigureAwait(false);
        return runs.WorkflowRuns;
    }

    /// <summary>Every job of a run (its latest attempt, as GitHub's default).</summary>
    public async Task<IReadOnlyList<WorkflowJob>> ListJobsAsync(string owner, string repo, long runId, CancellationToken cancellationToken)
    {
        var jobs = await CallAsync(() => client.Actions.Workflows.Jobs.List(owner, repo, runId, new WorkflowRunJobsRequest(), EveryPageOf100),
            cancellationToken).ConfigureAwait(false);
        return jobs.Jobs;
    }

    /// <summary>The absolute path of a run's job list, as the response cache files it.</summary>
    public string JobsPath(string owner, string repo, long runId) =>
        new Uri(apiRoot, $"repos/{owner}/{repo}/actions/runs/{runId.ToString(CultureInfo.InvariantCulture)}/jobs").AbsolutePath;

    private async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        traffic.Transport.Cancellation = cancellationToken;
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw Translate(e);
        }
        catch (Exception e) when (IsUnreadableReply(e))
        {
            // Octokit's JSON reader failed on a reply that is not the JSON GitHub sends.
            var what = traffic.LastReply is GitHubResponse reply ? reply.Describe() : "a call";
            throw new GitHubApiException(traffic.LastReply?.StatusCode ?? 0,
                $"GitHub API reply to {what} could not be read: {HttpErrorExcerpt.From(e.Message, [])}");
        }
    }

    /// <summary>What Octokit's JSON reader throws for a reply that is not the JSON GitHub sends.</summary>
    /// <remarks>
    /// Also whatever its reader (Octokit.SimpleJson and its serializer strategies) throws from inside itself: an
    /// ArgumentException when a value of the wrong type goes into a typed list ("labels": [1]), a NullReferenceException
    /// for some nulls. Those types thrown elsewhere are bugs, and stay exceptions.
    /// </remarks>
    internal static bool IsUnreadableReply(Exception e) =>
        e is SerializationException or InvalidCastException or FormatException or OverflowException
        || (e is ArgumentException or NullReferenceException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException
            && new System.Diagnostics.StackTrace(e).GetFrames().Any(f => f.GetMethod()?.DeclaringType is { Namespace: "Octokit" or "Octokit.Internal" } type
                && type.Name.Contains("Json", StringComparison.Ordinal)));

    private Exception Translate(ApiException error)
    {
        var reply = Reply(error, traffic);
        if (rateLimit.Refusal(error, reply) is { } until)
        {
            return new GitHubRateLimitedException(until);
        }
        if (error is AuthorizationException)
        {
            tokens.Invalidate();
        }
        return new GitHubApiException(error.StatusCode, Describe("GitHub API", error, reply));
    }

    /// <summary>The reply an Octokit error came from (its paging drops it from a 404), or null.</summary>
    internal static GitHubResponse? Reply(ApiException error, GitHubTrafficRecorder traffic) =>
        error.HttpResponse as GitHubResponse
        ?? (traffic.LastReply is GitHubResponse last && last.StatusCode == error.StatusCode ? last : null);

    /// <summary>"{what} returned 404 Not Found for GET https://host/path: message", without query or secrets.</summary>
    internal static string Describe(string what, ApiException error, GitHubResponse? reply)
    {
        var message = (reply is null ? error.ApiError : new ApiException(reply).ApiError)?.Message;
        var detail = message is { Length: > 0 } ? ": " + HttpErrorExcerpt.From(message, []) : "";
        var call = reply is null ? "" : $" {reply.ReasonPhrase} for {reply.Describe()}";
        return string.Create(CultureInfo.InvariantCulture, $"{what} returned {(int)error.StatusCode}{call}{detail}");
    }
}
