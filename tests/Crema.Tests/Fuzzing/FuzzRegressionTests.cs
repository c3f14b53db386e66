using System.Text.Json;
using Crema.Core.Configuration;
using Crema.Core.Configuration.Import;
using Crema.Google.CloudRun;
using Crema.Google.Http;
using Crema.Scalers;
using Crema.Scalers.Gcp.Monitoring;
using Crema.Scalers.GitHubRunner;
using Crema.Scalers.Http;
using Crema.Scalers.Kafka;
using Crema.Scalers.MySql;
using Crema.Scalers.PostgreSql;
using Crema.Scalers.Prometheus;
using Crema.Scalers.RabbitMq;
using Crema.Scalers.Temporal;
using Octokit;
using Octokit.Internal;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Tests.Fuzzing;

/// <summary>The inputs the fuzz runs found, each pinned with the behaviour its fix gave it.</summary>
public sealed class FuzzRegressionTests
{
    // YamlDotNet 16.3's scanner throws InvalidOperationException, not YamlException, on this.
    private const string BrokenFlowMapping = ": {\nk";

    [Fact]
    public void ConfigLoader_FlowMappingNotClosed_SyntaxErrorNotInternalError()
    {
        var result = ConfigLoader.Load(BrokenFlowMapping, "crema.yaml", BuiltInScalers.CreateRegistry());

        result.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("YAML syntax error: a flow mapping or sequence");
    }

    [Fact]
    public void KedaImport_FlowMappingNotClosed_ReportedAsAnError()
    {
        var result = KedaImporter.Import([("keda.yaml", BrokenFlowMapping)], new KedaImportTarget("p", "r"));

        result.Errors.ShouldHaveSingleItem().ShouldContain("not valid YAML");
    }

    [Fact]
    public void KedaImport_ScaleTargetRefNotAMapping_ReplacedOnceNotAddedTwice()
    {
        var result = KedaImporter.Import([("keda.yaml", "kind: ScaledObject\nmetadata: {name: w}\nspec: {scaleTargetRef: w, triggers: []}\n")], new KedaImportTarget("p", "r"));

        result.Yaml.ShouldNotBeNull();
        result.Yaml.ShouldContain("projects/p/locations/r/workerPools/w");
    }

    [Theory]
    [InlineData("""{"status":false}""")]
    [InlineData("""{"status":"success","data":{"resultType":7,"result":[]}}""")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[1]}}""")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"value":[1,"\ud800"]}]}}""")]
    public void Prometheus_WrongKindsAndLoneSurrogates_QueryException(string body) =>
        Should.Throw<PrometheusQueryException>(() => PrometheusResponseParser.Parse(System.Text.Encoding.UTF8.GetBytes(body), ignoreNullValues: false));

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"time\ud800Series":[]}""")]
    [InlineData("""{"timeSeries":[{"resource":{"labels":{"a":"\ud800"}}}]}""")]
    public void Monitoring_NotAPageOrNoText_FormatException(string body) =>
        Should.Throw<FormatException>(() => TimeSeriesJsonReader.ReadPage(body));

    [Fact]
    public void Monitoring_ItemsOfTheWrongKind_Skipped()
    {
        var (series, _) = TimeSeriesJsonReader.ReadPage("""{"timeSeries":[1,{"metric":5,"resource":[],"points":[7,{"interval":3,"value":{"int64Value":"4"}}]}]}""");

        series.ShouldHaveSingleItem().Points.ShouldHaveSingleItem().Number.ShouldBe(4);
    }

    [Fact]
    public void MonitoringError_StatusNotAStringAndControlCharacters_Escaped()
    {
        var error = MonitoringApiException.FromResponse(System.Net.HttpStatusCode.BadRequest, """{"error":{"status":5,"message":"bad\u001b[2J query"}}""", null, "p", "sa");

        error.Message.ShouldContain("bad\\x1b[2J query");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("""{"na\ud800me":"x"}""")]
    [InlineData("""{"name":"\udc00"}""")]
    public void CloudRun_NotAnObjectOrNoText_JsonException(string body)
    {
        Should.Throw<JsonException>(() => CloudRunJson.ReadTarget(body, CloudRunResourceName.Parse("projects/p/locations/l/workerPools/w")));
        Should.Throw<JsonException>(() => CloudRunJson.ReadOperation(body));
    }

    [Fact]
    public void CloudRun_NegativeCount_ReadAsZero() =>
        CloudRunJson.ReadTarget("""{"scaling":{"manualInstanceCount":-3}}""", CloudRunResourceName.Parse("projects/p/locations/l/workerPools/w")).InstanceCount.ShouldBe(0);

    [Fact]
    public void GoogleError_NameWithLoneSurrogateOrControlCharacters_FallsBackOrEscapes()
    {
        GoogleApiError.From(503, """{"err\ud800or":{}}""").ToString().ShouldBe("HTTP 503");
        GoogleApiError.From(400, """{"error":{"code":"x","status":"BAD\u0007","message":"m\u001b"}}""").ToString().ShouldBe("BAD\\x07: m\\x1b");
    }

    [Theory]
    [InlineData("""{"access_token":"t","expires_in":"3600"}""", 3600)]
    [InlineData("""{"access_token":"t","expires_in":1000000000000000000}""", 86_400)]
    public void OAuthToken_ExpiresInAsStringOrHuge_ReadAndCapped(string body, double seconds)
    {
        var now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

        OAuthTokenCache.ParseToken(body, "https://auth/token", now, TimeSpan.FromMinutes(5)).Expires.ShouldBe(now.AddSeconds(seconds));
    }

    [Fact]
    public void OAuthToken_NameWithLoneSurrogate_SourceException() =>
        Should.Throw<HttpSourceException>(() => OAuthTokenCache.ParseToken("""{"acc\ud800":1}""", "https://auth/token", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5)));

    [Fact]
    public void RabbitMq_NegativeHugeAndOverflowingCounts_NeverNegative()
    {
        using var queue = JsonDocument.Parse("""{"messages":-5,"messages_ready":1e300}""");
        var stats = RabbitMqQueueInfoParser.ParseQueue(queue.RootElement, excludeUnacknowledged: false);
        using var listing = JsonDocument.Parse("""{"items":[{"messages":9223372036854775807},{"messages":9223372036854775807}],"page_count":"2"}""");
        var (queues, pages) = RabbitMqQueueInfoParser.ParseListing(listing.RootElement, excludeUnacknowledged: false);

        stats.Messages.ShouldBe(0);
        stats.MessagesReady.ShouldBe(long.MaxValue);
        pages.ShouldBe(1, "a page_count that is not a number is left out");
        RabbitMqQueueStats.Combine(queues, RabbitMqOperation.Sum).Messages.ShouldBe(long.MaxValue);
        using var surrogate = JsonDocument.Parse("""{"mess\ud800":1}""");
        Should.Throw<RabbitMqException>(() => RabbitMqQueueInfoParser.ParseQueue(surrogate.RootElement, false));
    }

    [Fact]
    public void GitHub_LabelOfTheWrongKind_IsAnUnreadableReplyButOtherArgumentExceptionsAreNot()
    {
        var thrown = Should.Throw<ArgumentException>(() => new SimpleJsonSerializer().Deserialize<WorkflowJobsResponse>("""{"total_count":1,"jobs":[{"id":1,"labels":[1]}]}"""));

        GitHubApiClient.IsUnreadableReply(thrown).ShouldBeTrue();
        GitHubApiClient.IsUnreadableReply(new ArgumentException("a bug of ours")).ShouldBeFalse();
    }

    [Fact]
    public void KafkaLag_NegativeEndAndHugeOffsets_NeverNegative()
    {
        var rules = new KafkaMetadata { BootstrapServers = [new("b", 9092)], ConsumerGroup = "g", LagThreshold = 1, AllowIdleConsumers = true, OffsetResetPolicy = OffsetResetPolicy.Earliest };

        new KafkaLagCalculator(rules).Compute([new(new("t", 0), -1, long.MinValue)]).TotalLag.ShouldBe(0);
        new KafkaLagCalculator(rules).Compute([new(new("t", 0), 0, long.MaxValue), new(new("t", 1), 0, long.MaxValue)]).TotalLag.ShouldBe(long.MaxValue);
        new KafkaLagCalculator(rules with { AllowIdleConsumers = false, EnsureEvenDistributionOfPartitions = true, LagThreshold = long.MaxValue })
            .Compute([new(new("t", 0), 0, 5), new(new("t", 1), 0, 5)]).TotalLag.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void TemporalBacklog_NegativeAndHugeCounts_NeverNegativeNorOverflowing()
    {
        var deployment = new DescribeWorkerDeploymentVersionResponse();
        foreach (var count in new[] { long.MaxValue, long.MaxValue, -7 })
        {
            deployment.VersionTaskQueues.Add(new DescribeWorkerDeploymentVersionResponse.Types.VersionTaskQueue { Name = "q", Stats = new TaskQueueStats { ApproximateBacklogCount = count } });
        }

        TemporalBacklog.Of(new DescribeTaskQueueResponse { Stats = new TaskQueueStats { ApproximateBacklogCount = -3 } }).ShouldBe(0);
        TemporalBacklog.OfDeploymentVersion(deployment, "q", null).ShouldBe(long.MaxValue);
    }

    [Fact]
    public void MySqlDsn_ParameterNameWithControlCharacter_ErrorEscapesIt()
    {
        MySqlDsn.Parse("u:p@tcp(db:3306)/jobs?time\u001bout=%4", out var error).ShouldBeNull();

        error.ShouldBe("has a badly escaped value for the parameter \"time\\x1bout\"");
    }

    [Fact]
    public void PostgreSqlUrl_ParameterNameWithControlCharacter_ErrorEscapesIt()
    {
        PostgreSqlConnectionString.Parse("postgresql://u@db/jobs?ssl\u0007mode=a b", out var error).ShouldBeNull();

        error.ShouldBe("has a space in the URL's ssl\\x07mode; write it as %20");
    }
}
