using Crema.Scalers.Gcp.Stackdriver;

namespace Crema.Tests.Scalers.Gcp;

public sealed class StackdriverMetadataTests
{
    private const string Filter = "metric.type=\"storage.googleapis.com/network/received_bytes_count\"";
    private static readonly StackdriverScalerFactory Factory = new();

    private static (StackdriverMetadata Metadata, IReadOnlyList<Crema.Abstractions.MetadataError> Errors) Bind(Dictionary<string, string> metadata) =>
        Factory.BindForTest(GcpTestContext.Create("gcp-stackdriver", metadata));

    [Fact]
    public void Bind_ProjectAndFilter_AppliesKedaDefaults()
    {
        var (m, errors) = Bind(new() { ["projectId"] = "my-proj", ["filter"] = Filter });

        errors.ShouldBeEmpty();
        m.ProjectId.ShouldBe("my-proj");
        m.Filter.ShouldBe(Filter);
        m.TargetValue.ShouldBe(5);
        m.ActivationTargetValue.ShouldBe(0);
        m.ValueIfNull.ShouldBeNull();
        m.FilterDuration.ShouldBe(TimeSpan.FromMinutes(2));
        m.Aggregation.ShouldBeNull();
    }

    [Theory]
    [InlineData("mean", "sum", "ALIGN_MEAN", "REDUCE_SUM")]
    [InlineData("percentile_99", "none", "ALIGN_PERCENTILE_99", "REDUCE_NONE")]
    [InlineData("ALIGN_RATE", "REDUCE_MAX", "ALIGN_RATE", "REDUCE_MAX")]
    [InlineData("delta", "", "ALIGN_DELTA", "REDUCE_NONE")]
    public void Bind_Alignment_MapsNamesToApiEnums(string aligner, string reducer, string expectedAligner, string expectedReducer)
    {
        var (m, errors) = Bind(new()
        {
            ["projectId"] = "p", ["filter"] = Filter, ["alignmentPeriodSeconds"] = "120",
            ["alignmentAligner"] = aligner, ["alignmentReducer"] = reducer,
            ["targetValue"] = "50", ["activationTargetValue"] = "3", ["valueIfNull"] = "1", ["filterDuration"] = "5",
        });

        errors.ShouldBeEmpty();
        m.Aggregation.ShouldNotBeNull();
        m.Aggregation.AlignmentPeriod.ShouldBe(TimeSpan.FromSeconds(120));
        m.Aggregation.PerSeriesAligner.ShouldBe(expectedAligner);
        m.Aggregation.CrossSeriesReducer.ShouldBe(expectedReducer);
        m.TargetValue.ShouldBe(50);
        m.ActivationTargetValue.ShouldBe(3);
        m.ValueIfNull.ShouldBe(1);
        m.FilterDuration.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData("filter=" + Filter, "projectId", "is required")]
    [InlineData("projectId=p", "filter", "is required")]
    [InlineData("projectId=p;filter=resource.type=\"gce_instance\"", "filter", "metric.type")]
    [InlineData("projectId=p;filter=" + Filter + ";alignmentPeriodSeconds=30;alignmentAligner=mean", "alignmentPeriodSeconds", "at least 60")]
    [InlineData("projectId=p;filter=" + Filter + ";alignmentAligner=mean", "alignmentPeriodSeconds", "is required")]
    [InlineData("projectId=p;filter=" + Filter + ";alignmentPeriodSeconds=60;alignmentAligner=average", "alignmentAligner", "not one of")]
    [InlineData("projectId=p;filter=" + Filter + ";alignmentPeriodSeconds=60;alignmentReducer=avg", "alignmentReducer", "not one of")]
    [InlineData("projectId=p;filter=" + Filter + ";alignmentPeriodSeconds=60;alignmentReducer=sum", "alignmentAligner", "must be set")]
    [InlineData("projectId=p;filter=" + Filter + ";targetValue=-1", "targetValue", "> 0")]
    [InlineData("projectId=p;filter=" + Filter + ";filterDuration=2m", "filterDuration", "not an integer")]
    public void Bind_InvalidMetadata_ReportsTheKey(string pairs, string key, string message)
    {
        var metadata = pairs.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        var (_, errors) = Bind(metadata);

        errors.ShouldContain(e => e.Key == key && e.Message.Contains(message));
    }
}
