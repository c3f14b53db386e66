using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Tests.Scalers.Gcp;

public sealed class TimeSeriesJsonReaderTests
{
    // Shapes as in the monitoring:v3 discovery document (ListTimeSeriesResponse, TimeSeries, Point, TypedValue).
    private const string Response = """
        {
          "timeSeries": [
            {
              "metric": { "type": "pubsub.googleapis.com/subscription/num_undelivered_messages" },
              "resource": { "type": "pubsub_subscription", "labels": { "project_id": "p", "subscription_id": "s" } },
              "metricKind": "GAUGE",
              "valueType": "INT64",
              "points": [
                { "interval": { "startTime": "2025-03-01T11:59:00.123456Z", "endTime": "2025-03-01T11:59:00.123456Z" }, "value": { "int64Value": "9007199254740993" } },
                { "interval": { "startTime": "2025-03-01T11:58:00Z", "endTime": "2025-03-01T11:58:00Z" }, "value": { "int64Value": "7" } }
              ]
            },
            {
              "metric": { "type": "custom.googleapis.com/ratio", "labels": { "kind": "x" } },
              "resource": { "type": "global", "labels": { "project_id": "p" } },
              "metricKind": "GAUGE",
              "valueType": "DOUBLE",
              "points": [ { "interval": { "endTime": "2025-03-01T11:59:30Z" }, "value": { "doubleValue": 0.25 } } ]
            },
            {
              "metric": { "type": "pubsub.googleapis.com/topic/message_sizes" },
              "resource": { "type": "pubsub_topic", "labels": { "project_id": "p", "topic_id": "t" } },
              "metricKind": "DELTA",
              "valueType": "DISTRIBUTION",
              "points": [ { "interval": { "startTime": "2025-03-01T11:57:00Z", "endTime": "2025-03-01T12:00:00Z" },
                "value": { "distributionValue": { "count": "4", "mean": 512.5, "bucketOptions": { "exponentialBuckets": { "numFiniteBuckets": 16, "growthFactor": 4, "scale": 1 } }, "bucketCounts": ["0", "4"] } } } ]
            },
            {
              "metric": { "type": "custom.googleapis.com/broken" },
              "resource": { "type": "global", "labels": { "project_id": "p" } },
              "metricKind": "GAUGE",
              "valueType": "DOUBLE",
              "points": [ { "interval": { "endTime": "2025-03-01T11:59:30Z" }, "value": { "doubleValue": "NaN" } } ]
            }
          ],
          "executionErrors": [],
          "unit": "1",
          "nextPageToken": "CgwI-token"
        }
        """;

    [Fact]
    public void ReadPage_AllValueShapes_ParsesInt64StringsDoublesAndDistributions()
    {
        var (series, token) = TimeSeriesJsonReader.ReadPage(Response);

        token.ShouldBe("CgwI-token");
        series.Count.ShouldBe(4);
        series[0].MetricType.ShouldBe("pubsub.googleapis.com/subscription/num_undelivered_messages");
        series[0].ResourceLabels["subscription_id"].ShouldBe("s");
        series[0].Points[0].Number.ShouldBe(9007199254740993d);
        series[0].Points[0].EndTime.ShouldBe(new DateTimeOffset(2025, 3, 1, 11, 59, 0, TimeSpan.Zero).AddTicks(1234560));
        series[0].Points[1].Number.ShouldBe(7);
        series[1].Points[0].Number.ShouldBe(0.25);
        series[2].Points[0].Number.ShouldBeNull();
        series[2].Points[0].Distribution.ShouldBe(new DistributionSummary(4, 512.5));
        double.IsNaN(series[3].Points[0].Number!.Value).ShouldBeTrue();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"unit\": \"1\"}")]
    [InlineData("{\"timeSeries\": [], \"nextPageToken\": \"\"}")]
    public void ReadPage_EmptyResult_HasNoSeriesAndNoToken(string json)
    {
        var (series, token) = TimeSeriesJsonReader.ReadPage(json);

        series.ShouldBeEmpty();
        token.ShouldBeNull();
    }

    [Fact]
    public void ReadPage_Int64ThatIsNotANumber_Throws()
    {
        const string json = """{"timeSeries":[{"metric":{"type":"m"},"points":[{"interval":{"endTime":"2025-03-01T12:00:00Z"},"value":{"int64Value":"twelve"}}]}]}""";

        Should.Throw<FormatException>(() => TimeSeriesJsonReader.ReadPage(json)).Message.ShouldContain("twelve");
    }
}
