using Crema.Tests.Scalers.GitHubRunner.Fake;

namespace Crema.Tests.Daemon;

/// <summary>Daemon + emulator + the GitHub REST fake: self-hosted runners follow the job queue, never below running jobs.</summary>
public sealed class DaemonGitHubRunnerEndToEndTests
{
    private const string Pool = "projects/e2e/locations/us-central1/workerPools/runners";

    [Fact]
    public async Task Run_JobsQueuedThenRunningThenDone_ScalesUpHoldsThenToZeroAfterCooldown()
    {
        await using var github = await FakeGitHubApi.StartAsync();
        github.RequiredToken = "ghp_e2e_token";
        github.AddRepository("acme", "app");
        var yaml = $$"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 5
              triggerAuthentications:
                - metadata: {name: github-auth}
                  spec:
                    env: [{parameter: personalAccessToken, name: GH_TOKEN}]
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: {{Pool}}}
                    maxReplicaCount: 10
                    cooldownPeriod: 60
                    triggers:
                      - type: github-runner
                        name: queue
                        metadata: {githubApiURL: "{{github.ApiUrl}}", owner: acme, runnerScope: repo, repos: app, labels: gpu}
                        authenticationRef: {name: github-auth}
            """;
        await using var harness = await DaemonHarness.StartAsync(yaml, new Dictionary<string, int> { [Pool] = 0 },
            environment: new Dictionary<string, string> { ["GH_TOKEN"] = "ghp_e2e_token" });
        var jobs = Enumerable.Range(0, 3).Select(_ => github.AddQueuedJob("acme", "app", "self-hosted", "linux", "x64", "gpu")).ToArray();

        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 3, TimeSpan.FromSeconds(5), 20, "three queued jobs get three runners");

        foreach (var job in jobs)
        {
            github.MoveJob(job, FakeJobStatus.InProgress);
        }
        for (var i = 0; i < 40; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(5));
            await DaemonHarness.SettleAsync();
            (await harness.InstancesAsync(Pool)).ShouldBe(3, "runners with jobs in progress are never scaled away");
        }

        foreach (var job in jobs)
        {
            github.MoveJob(job, FakeJobStatus.Completed);
        }
        var finished = harness.Time.GetUtcNow();
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(Pool) == 0, TimeSpan.FromSeconds(5), 40, "pool goes to zero after the cooldown");
        (harness.Time.GetUtcNow() - finished).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(60));
    }
}
