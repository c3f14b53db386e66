using Crema.Scalers.Gcp.CloudRunResource;
using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Tests.Scalers.Gcp.CloudRunResource;

/// <summary>The pure reading of a list response: the newest minute with samples, merged by count.</summary>
public sealed class UtilizationQueryTests
{
    private static readonly DateTimeOffset Minute = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static TimeSeriesData Series(params (int MinutesAgo, long Count, double Mean)[] points) => new(
        "run.googleapis.com/container/cpu/utilizations",
        new Dictionary<string, string>(),
        points.Select(p => new MonitoringPoint(Minute.AddMinutes(-p.MinutesAgo), null, new DistributionSummary(p.Count, p.Mean))).ToList());

    private static UtilizationSample? Newest(params TimeSeriesData[] series) => UtilizationQuery.Newest(new TimeSeriesList(series, 1));

    [Fact]
    public void Newest_NoSeries_IsNull() => Newest().ShouldBeNull();

    [Fact]
    public void Newest_OnlyEmptyOrNonFiniteMinutes_IsNull() =>
        Newest(Series((0, 0, 0), (1, 3, double.NaN))).ShouldBeNull();

    [Fact]
    public void Newest_SkipsTheEmptyNewestMinute()
    {
        var sample = Newest(Series((0, 0, 0), (1, 2, 0.4), (2, 2, 0.9))).ShouldNotBeNull();

        sample.ShouldBe(new UtilizationSample(40, 2, Minute.AddMinutes(-1)));
    }

    [Fact]
    public void Newest_SeveralSeries_MergesTheirNewestCommonMinuteByCount()
    {
        // Revision A has 1 instance at 100 %, revision B 4 at 50 %: (1 + 2) / 5 = 60 %. B's older minute is ignored.
        var sample = Newest(Series((1, 1, 1.0)), Series((1, 4, 0.5), (2, 4, 0.1))).ShouldNotBeNull();

        sample.Percent.ShouldBe(60, 1e-9);
        sample.Samples.ShouldBe(5);
    }

    [Fact]
    public void Newest_DoublePoint_CountsAsOneSample()
    {
        var series = new TimeSeriesData("m", new Dictionary<string, string>(), [new MonitoringPoint(Minute, 0.25, null)]);

        Newest(series).ShouldBe(new UtilizationSample(25, 1, Minute));
    }

    [Theory]
    [InlineData(false, "cloud_run_revision", "service_name")]
    [InlineData(true, "cloud_run_worker_pool", "worker_pool_name")]
    public void Build_QuotesNamesAndAsksForOneMergedMinutePerPoint(bool workerPool, string resourceType, string label)
    {
        var query = UtilizationQuery.Build("memory", new CloudRunTarget("p", "asia-east1", workerPool, "a\"b"), Minute);

        query.ProjectId.ShouldBe("p");
        query.Filter.ShouldBe($"metric.type = \"run.googleapis.com/container/memory/utilizations\" AND resource.type = \"{resourceType}\" AND resource.labels.{label} = \"a\\\"b\" AND resource.labels.location = \"asia-east1\"");
        (query.EndTime - query.StartTime).ShouldBe(TimeSpan.FromMinutes(5));
        query.Aggregation.ShouldBe(new MonitoringAggregation(TimeSpan.FromSeconds(60), "ALIGN_DELTA", "REDUCE_SUM"));
    }
}
