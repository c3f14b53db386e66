namespace Crema.Tests.Scalers.GitHubRunner.Fake;

public sealed partial class FakeGitHubApi
{
    private readonly List<Repo> repos = [];
    private readonly Dictionary<long, Run> runs = [];
    private readonly Dictionary<long, Job> jobs = [];
    private long nextId = 100_000;
    private DateTimeOffset lastStamp;
    private DateTimeOffset secondaryLimitUntil;

    /// <summary>Adds a repository of <paramref name="owner"/> (an org or a user; both list it). Idempotent.</summary>
    public void AddRepository(string owner, string name, bool archived = false, bool disabled = false)
    {
        lock (gate)
        {
            if (FindRepo(owner, name) is null)
            {
                repos.Add(new Repo(++nextId, owner, name, archived, disabled));
            }
        }
    }

    /// <summary>Starts a workflow run (no jobs yet: status queued) in a repository, adding the repository if needed. Returns the run id.</summary>
    public long AddRun(string owner, string repo, string workflowName = "CI")
    {
        lock (gate)
        {
            AddRepository(owner, repo);
            var run = new Run(++nextId, FindRepo(owner, repo)!, workflowName, Stamp());
            runs.Add(run.Id, run);
            return run.Id;
        }
    }

    /// <summary>Adds a job with <c>runs-on</c> labels to a run. Returns the job id.</summary>
    public long AddJob(long runId, FakeJobStatus status, params string[] labels)
    {
        lock (gate)
        {
            var run = runs[runId];
            var job = new Job(++nextId, run, "job-" + (run.Jobs.Count + 1), [.. labels], Stamp());
            run.Jobs.Add(job);
            jobs.Add(job.Id, job);
            SetStatus(job, status);
            return job.Id;
        }
    }

    /// <summary>Shortcut: a new run in <paramref name="owner"/>/<paramref name="repo"/> with one queued job. Returns the job id.</summary>
    public long AddQueuedJob(string owner, string repo, params string[] labels) =>
        AddJob(AddRun(owner, repo), FakeJobStatus.Queued, labels);

    /// <summary>Moves a job to another status (a runner picked it up, it finished); the run's status and updated_at follow.</summary>
    public void MoveJob(long jobId, FakeJobStatus status)
    {
        lock (gate)
        {
            SetStatus(jobs[jobId], status);
        }
    }

    /// <summary>The run a job belongs to.</summary>
    public long RunOf(long jobId)
    {
        lock (gate)
        {
            return jobs[jobId].Run.Id;
        }
    }

    /// <summary>How many jobs have the given status, over every repository.</summary>
    public int CountJobs(FakeJobStatus status)
    {
        lock (gate)
        {
            return jobs.Values.Count(j => j.Status == status);
        }
    }

    private void SetStatus(Job job, FakeJobStatus status)
    {
        var now = Stamp();
        job.Status = status;
        job.StartedAt = status == FakeJobStatus.Queued ? null : job.StartedAt ?? now;
        job.CompletedAt = status == FakeJobStatus.Completed ? now : null;
        job.Run.UpdatedAt = now;
        if (status != FakeJobStatus.Queued)
        {
            job.Run.StartedAt ??= now;
        }
    }

    private Repo? FindRepo(string owner, string name) => repos.FirstOrDefault(r =>
        string.Equals(r.Owner, owner, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A timestamp that is at least a second after the previous one, so every change shows in updated_at (GitHub's resolution is seconds).</summary>
    private DateTimeOffset Stamp()
    {
        var now = time.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        lastStamp = now > lastStamp ? now : lastStamp.AddSeconds(1);
        return lastStamp;
    }

    private sealed record Repo(long Id, string Owner, string Name, bool Archived, bool Disabled = false);

    private sealed class Run(long id, Repo repo, string workflowName, DateTimeOffset createdAt)
    {
        public long Id { get; } = id;

        public Repo Repo { get; } = repo;

        public string WorkflowName { get; } = workflowName;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset UpdatedAt { get; set; } = createdAt;

        public DateTimeOffset? StartedAt { get; set; }

        public List<Job> Jobs { get; } = [];

        // As on GitHub: queued until a job starts, in_progress until every job has completed.
        public string Status =>
            Jobs.Count > 0 && Jobs.All(j => j.Status == FakeJobStatus.Completed) ? "completed"
            : Jobs.All(j => j.Status == FakeJobStatus.Queued) ? "queued"
            : "in_progress";
    }

    private sealed class Job(long id, Run run, string name, string[] labels, DateTimeOffset createdAt)
    {
        public long Id { get; } = id;

        public Run Run { get; } = run;

        public string Name { get; } = name;

        public string[] Labels { get; } = labels;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public FakeJobStatus Status { get; set; }

        public DateTimeOffset? StartedAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }
    }
}
