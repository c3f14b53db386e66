using System.Globalization;
using System.Reflection;
using Crema.Abstractions;
using Crema.Scalers;
using Crema.Tests.Scalers.GitHubRunner.Fake;

namespace Crema.Benchmarks;

/// <summary>
/// Counts the GitHub API requests one poll of the github-runner scaler makes for 1, 10 and 50
/// repositories of an organization (repos left empty, so the repository list is read too), with
/// ETags off and on. Each repository has one in-progress run (2 jobs) and every second one a queued
/// run (1 job). Three polls: cold, steady (nothing changed) and after one job in ten moved.
/// KEDA's figure is 1 + 2R + W (one repository page, two run lists per repository, one job list per run).
/// The scaler's calls are Octokit's; the first line names the Octokit version measured.
/// </summary>
internal static class GitHubRunnerRequestsBenchmark
{
    public static async Task RunAsync(TextWriter output)
    {
        var octokit = typeof(Octokit.GitHubClient).Assembly;
        var version = octokit.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? octokit.GetName().Version?.ToString();
        await output.WriteLineAsync($"github-runner scaler, REST calls by Octokit {version}").ConfigureAwait(false);
        await output.WriteLineAsync("repos  etags  poll    requests  304s  counted  jobs   KEDA 1+2R+W").ConfigureAwait(false);
        foreach (var repositories in (int[])[1, 10, 50])
        {
            foreach (var etags in (bool[])[false, true])
            {
                await MeasureAsync(output, repositories, etags).ConfigureAwait(false);
            }
        }
    }

    private static async Task MeasureAsync(TextWriter output, int repositories, bool etags)
    {
        await using var github = await FakeGitHubApi.StartAsync().ConfigureAwait(false);
        var jobs = new List<long>();
        var runs = 0;
        for (var i = 0; i < repositories; i++)
        {
            var repo = "repo" + i.ToString("D2", CultureInfo.InvariantCulture);
            var running = github.AddRun("acme", repo);
            jobs.Add(github.AddJob(running, FakeJobStatus.InProgress, "self-hosted"));
            jobs.Add(github.AddJob(running, FakeJobStatus.Queued, "self-hosted"));
            runs++;
            if (i % 2 == 0)
            {
                jobs.Add(github.AddQueuedJob("acme", repo, "self-hosted"));
                runs++;
            }
        }
        BuiltInScalers.CreateRegistry().TryGet("github-runner", out var factory);
        await using var scaler = factory.Create(new ScalerContext
        {
            TriggerType = "github-runner",
            TriggerName = "bench",
            ScaledObjectName = "bench",
            Metadata = new Dictionary<string, string>
            {
                ["githubApiURL"] = github.ApiUrl,
                ["owner"] = "acme",
                ["runnerScope"] = "org",
                ["enableEtags"] = etags ? "true" : "false",
            },
            AuthParams = new Dictionary<string, string> { ["personalAccessToken"] = "bench" },
        });
        var keda = 1 + (2 * repositories) + runs;
        await PrintAsync(output, repositories, etags, "cold", await scaler.ReadAsync(CancellationToken.None).ConfigureAwait(false), keda).ConfigureAwait(false);
        await PrintAsync(output, repositories, etags, "steady", await scaler.ReadAsync(CancellationToken.None).ConfigureAwait(false), keda).ConfigureAwait(false);
        for (var i = 0; i < jobs.Count; i += 10)
        {
            github.MoveJob(jobs[i], FakeJobStatus.Completed);
        }
        await PrintAsync(output, repositories, etags, "10%", await scaler.ReadAsync(CancellationToken.None).ConfigureAwait(false), keda).ConfigureAwait(false);
    }

    private static Task PrintAsync(TextWriter output, int repositories, bool etags, string poll, MetricReading reading, int keda)
    {
        var details = reading.Details!;
        var requests = details["api_requests"];
        var notModified = details["api_requests_not_modified"];
        return output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{repositories,5}  {(etags ? "on" : "off"),5}  {poll,-6}  {requests,8}  {notModified,4}  {requests - notModified,7}  {reading.Value,4}   {keda,6}"));
    }
}
