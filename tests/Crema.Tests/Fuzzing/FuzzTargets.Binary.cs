using Crema.Scalers.External;
using Crema.Scalers.External.Protocol;
using Crema.Scalers.GitHubRunner;
using Crema.Scalers.Kafka;
using Crema.Scalers.Temporal;
using FsCheck.Fluent;
using Google.Protobuf;
using Octokit;
using Octokit.Internal;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    private static readonly string[] BinaryTokens = ["\u0000", "\u0001", "\u0008", "\u000a", "\u0012", "\u001a", "\u0022", "\u007f", "\u0080", "\u00ff", "\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u0001", "\u00f0\u003f"];

    private static FuzzTarget GitHubJobs()
    {
        string[] seeds =
        [
            """{"total_count":2,"jobs":[{"id":1,"run_id":2,"status":"queued","conclusion":null,"name":"build","labels":["self-hosted","linux"],"runner_id":null,"started_at":"2025-06-01T12:00:00Z"},{"id":3,"run_id":2,"status":"in_progress","labels":[]}]}""",
            """{"total_count":0,"jobs":[]}""",
        ];
        string[] keys = ["total_count", "jobs", "id", "run_id", "status", "conclusion", "name", "labels", "runner_id", "runner_name", "started_at", "completed_at", "steps", "head_sha"];
        string[] words = ["queued", "in_progress", "completed", "waiting", "self-hosted", "2025-06-01T12:00:00Z", "nope"];
        var serializer = new SimpleJsonSerializer();
        var matcher = new GitHubLabelMatcher(["linux"], noDefaultLabels: false, matchUnlabeledJobsWithUnlabeledRunners: false);
        return new FuzzTarget("github-jobs", FuzzInputs.JsonMix(seeds, keys, words), text => Unreadable(() =>
        {
            // What GitHubQueueCounter reads of each job, through the deserializer Octokit's connection uses.
            var jobs = serializer.Deserialize<WorkflowJobsResponse>(text)?.Jobs ?? [];
            var queued = jobs.Where(j => j is not null && matcher.Matches(j.Labels)).Count(j => j.Status.StringValue == "queued");
            return queued < 0 ? "negative count" : null;
        }));
    }

    private static FuzzTarget GitHubRuns()
    {
        string[] seeds =
        [
            """{"total_count":1,"workflow_runs":[{"id":2,"name":"ci","status":"queued","run_attempt":1,"updated_at":"2025-06-01T12:00:00Z","repository":{"id":1,"name":"app"}}]}""",
            """[{"id":1,"name":"app","full_name":"acme/app","disabled":false,"archived":false,"owner":{"login":"acme"}}]""",
        ];
        string[] keys = ["total_count", "workflow_runs", "id", "name", "status", "run_attempt", "updated_at", "repository", "full_name", "disabled", "archived", "owner", "login"];
        string[] words = ["queued", "in_progress", "completed", "app", "2025-06-01T12:00:00Z"];
        var serializer = new SimpleJsonSerializer();
        return new FuzzTarget("github-runs", FuzzInputs.JsonMix(seeds, keys, words), text => Unreadable(() =>
        {
            if (text.TrimStart().StartsWith('['))
            {
                _ = serializer.Deserialize<List<GitHubListedRepository>>(text)?.Count(r => r is not null && !r.Disabled && !r.Archived);
                return null;
            }
            var runs = serializer.Deserialize<WorkflowRunsResponse>(text)?.WorkflowRuns ?? [];
            _ = runs.Where(r => r is not null).Select(r => (r.Status.StringValue, r.UpdatedAt, r.RunAttempt)).ToList();
            return null;
        }));
    }

    private static FuzzTarget GitHubLinks()
    {
        string[] seeds = ["""<https://api.github.com/repos/a/b/actions/runs?page=2>; rel="next", <https://api.github.com/repos/a/b/actions/runs?page=5>; rel="last" """, "", "<>; rel=next"];
        return new FuzzTarget("github-link", FuzzInputs.Mutated(seeds, ["<", ">", ";", ",", "rel=", "\"", "http://", "%", " "]), text =>
        {
            GitHubLinkHeader.All(text);
            return null;
        });
    }

    private static FuzzTarget KafkaLag()
    {
        // "flags threshold c:e c:e ...": the rules' switches, the lag threshold and each partition's committed and end offsets.
        var offset = Gen.Frequency((4, Gen.Choose(-2, 2000).Select(v => (long)v)), (1, Gen.Elements(long.MaxValue, long.MinValue, long.MaxValue - 1, -1L, 0L)));
        var partition = offset.SelectMany(c => Gen.Frequency((5, offset.Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture))), (1, Gen.Constant("-"))).Select(e => $"{c}:{e}"));
        var inputs = Gen.Choose(0, 63).SelectMany(flags => Gen.Frequency((4, Gen.Choose(1, 100).Select(t => (long)t)), (1, Gen.Elements(1L, long.MaxValue)))
            .SelectMany(threshold => Gen.ListOf(partition).Select(p => $"{flags} {threshold} {string.Join(' ', p.Take(40))}")));
        return new FuzzTarget("kafka-lag", inputs, text =>
        {
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var flags = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            var rules = new KafkaMetadata
            {
                BootstrapServers = [new("b", 9092)],
                ConsumerGroup = "g",
                LagThreshold = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
                AllowIdleConsumers = (flags & 1) != 0,
                ExcludePersistentLag = (flags & 2) != 0,
                ScaleToZeroOnInvalidOffset = (flags & 4) != 0,
                LimitToPartitionsWithLag = (flags & 8) != 0,
                EnsureEvenDistributionOfPartitions = (flags & 16) != 0,
                OffsetResetPolicy = (flags & 32) != 0 ? OffsetResetPolicy.Earliest : OffsetResetPolicy.Latest,
            };
            var offsets = parts.Skip(2).Select((p, i) =>
            {
                var (committed, end) = (p[..p.IndexOf(':', StringComparison.Ordinal)], p[(p.IndexOf(':', StringComparison.Ordinal) + 1)..]);
                return new PartitionOffsets(new TopicPartition("t", i), long.Parse(committed, System.Globalization.CultureInfo.InvariantCulture),
                    end == "-" ? null : long.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
            }).ToArray();
            var calculator = new KafkaLagCalculator(rules);
            calculator.Compute(offsets);
            var lag = calculator.Compute(offsets);
            return lag.TotalLag < 0 || lag.TotalLagWithPersistent < 0 ? $"negative lag {lag}" : null;
        });
    }

    private static FuzzTarget ExternalReplies()
    {
        var metrics = new GetMetricsResponse { MetricValues = { new MetricValue { MetricName = "m", MetricValue_ = 5, MetricValueFloat = 2.5 } } };
        var specs = new GetMetricSpecResponse { MetricSpecs = { new MetricSpec { MetricName = "m", TargetSize = 10, TargetSizeFloat = 0.5 } } };
        var active = new IsActiveResponse { Result = true };
        string[] seeds = [.. new IMessage[] { metrics, specs, active }.Select(m => FuzzInputs.Latin1(m.ToByteArray()))];
        var inputs = Gen.Frequency((1, Gen.Elements(seeds)), (6, FuzzInputs.Mutated(seeds, BinaryTokens)), (2, FuzzInputs.Bytes()));
        var address = new Uri("http://127.0.0.1:9");
        return new FuzzTarget("external-grpc", inputs, text =>
        {
            var bytes = FuzzInputs.FromLatin1(text);
            var reply = GetMetricsResponse.Parser.ParseFrom(bytes);
            var spec = GetMetricSpecResponse.Parser.ParseFrom(bytes);
            IsActiveResponse.Parser.ParseFrom(bytes);
            foreach (var s in spec.MetricSpecs)
            {
                Crema.Scalers.External.ExternalScaler.TargetOf(s, address);
            }
            Crema.Scalers.External.ExternalScaler.ValueOf(reply, "m", address);
            return null;
        }, typeof(InvalidProtocolBufferException), typeof(InvalidOperationException));
    }

    private static FuzzTarget TemporalReplies()
    {
        var queue = new DescribeTaskQueueResponse { Stats = new TaskQueueStats { ApproximateBacklogCount = 7 } };
        var version = new DescribeWorkerDeploymentVersionResponse();
        version.VersionTaskQueues.Add(new DescribeWorkerDeploymentVersionResponse.Types.VersionTaskQueue { Name = "q", Stats = new TaskQueueStats { ApproximateBacklogCount = 3 } });
        string[] seeds = [FuzzInputs.Latin1(queue.ToByteArray()), FuzzInputs.Latin1(version.ToByteArray())];
        var inputs = Gen.Frequency((1, Gen.Elements(seeds)), (6, FuzzInputs.Mutated(seeds, BinaryTokens)), (2, FuzzInputs.Bytes()));
        return new FuzzTarget("temporal-grpc", inputs, text =>
        {
            var bytes = FuzzInputs.FromLatin1(text);
            var described = DescribeTaskQueueResponse.Parser.ParseFrom(bytes);
            long[] backlogs = [TemporalBacklog.Of(described), TemporalBacklog.OfEnhanced(described),
                TemporalBacklog.OfDeploymentVersion(DescribeWorkerDeploymentVersionResponse.Parser.ParseFrom(bytes), "q", null)];
            TemporalBacklog.EnhancedNotSupported(described);
            return backlogs.Any(b => b < 0) ? $"negative backlog {string.Join(", ", backlogs)}" : null;
        }, typeof(InvalidProtocolBufferException));
    }

    // The exceptions GitHubApiClient turns into a GitHubApiException ("the reply could not be read").
    private static string? Unreadable(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (GitHubApiClient.IsUnreadableReply(e))
        {
            return null;
        }
    }
}
