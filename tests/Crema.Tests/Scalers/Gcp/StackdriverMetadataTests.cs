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
    [InlineData("projectId=p;filter=" + Filter + ";alignmentPeriodSeconds=-60", "alignmentPeriodSeconds", "at least 60")]
    [InlineData("projectId=p;filter=" + Filter + ";targetValue=0", "targetValue", "must be > 0, found 0")]
    public void Bind_InvalidMetadata_ReportsTheKey(string pairs, string key, string message)
    {
        var metadata = pairs.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        var (_, errors) = Bind(metadata);

        errors.ShouldContain(e => e.Key == key && e.Message.Contains(message));
    }

    [Fact]
    public void Validate_EveryKedaKey_IsKnownAndRaisesNoWarning()
    {
        // KEDA 2.20 announces the whole scaler as deprecated (on filter) because it queries MQL; Crema does not use MQL.
        var validation = Factory.Validate(GcpTestContext.Create("gcp-stackdriver", new Dictionary<string, string>
        {
            ["projectId"] = "p", ["filter"] = Filter, ["targetValue"] = "5", ["activationTargetValue"] = "1", ["valueIfNull"] = "0",
            ["filterDuration"] = "3", ["alignmentPeriodSeconds"] = "60", ["alignmentAligner"] = "mean", ["alignmentReducer"] = "sum",
            ["credentialsFromEnv"] = "GOOGLE_JSON", ["credentialsFromEnvFile"] = "KEY_FILE",
        }, validationOnly: true));

        validation.Errors.ShouldBeEmpty();
        validation.UnknownKeys.ShouldBeEmpty();
        validation.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_RequiredKeysFromEnv_AreNotReadAsInKeda()
    {
        // KEDA reads every stackdriver key from trigger metadata only (order=triggerMetadata).
        var validation = Factory.Validate(GcpTestContext.Create("gcp-stackdriver",
            new Dictionary<string, string> { ["projectIdFromEnv"] = "PROJECT", ["filterFromEnv"] = "FILTER" },
            new Dictionary<string, string> { ["PROJECT"] = "p", ["FILTER"] = Filter }));

        validation.Errors.ShouldBe([new Crema.Abstractions.MetadataError("projectId", "is required"), new Crema.Abstractions.MetadataError("filter", "is required")]);
        validation.Warnings.Select(w => w.Key).ShouldBe(["filterFromEnv", "projectIdFromEnv"]);
    }

    [Theory]
    [InlineData("targetValue")]
    [InlineData("activationTargetValue")]
    [InlineData("valueIfNull")]
    [InlineData("filterDuration")]
    [InlineData("alignmentPeriodSeconds")]
    public void Bind_OptionalKeyFromEnv_IsNotRead(string key)
    {
        var metadata = new Dictionary<string, string> { ["projectId"] = "p", ["filter"] = Filter, [key + "FromEnv"] = "VAR" };
        var context = GcpTestContext.Create("gcp-stackdriver", metadata, new Dictionary<string, string> { ["VAR"] = "120" });

        var (m, errors) = Factory.BindForTest(context);

        errors.ShouldBeEmpty();
        Factory.Validate(context).Warnings.ShouldHaveSingleItem().Key.ShouldBe(key + "FromEnv");
        m.TargetValue.ShouldBe(5);
        m.ActivationTargetValue.ShouldBe(0);
        m.ValueIfNull.ShouldBeNull();
        m.FilterDuration.ShouldBe(TimeSpan.FromMinutes(2));
        m.Aggregation.ShouldBeNull();
    }
}
