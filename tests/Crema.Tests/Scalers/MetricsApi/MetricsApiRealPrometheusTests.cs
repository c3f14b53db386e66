using Crema.Scalers.MetricsApi;
using Crema.Tests.Support;
using static Crema.Tests.Scalers.MetricsApi.MetricsApiTriggers;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>One real Prometheus (Debian's) for the class: its JSON HTTP API and its own /metrics page are real metrics APIs.</summary>
public sealed class RealPrometheusServerFixture : IAsyncLifetime
{
    private PrometheusServer? server;

    internal string BaseAddress => server!.BaseAddress;

    public async Task InitializeAsync() => server = await PrometheusServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>The scaler against a real Prometheus 2.x: GJSON paths over its query API's JSON, selectors over its exposition.</summary>
public sealed class MetricsApiRealPrometheusTests(RealPrometheusServerFixture prometheus) : IClassFixture<RealPrometheusServerFixture>
{
    private const string TwoSeries = """label_replace(vector(1), "queue", "a", "", "") or label_replace(vector(2), "queue", "b", "", "")""";

    private string Query(string promql) => $"{prometheus.BaseAddress}/api/v1/query?query={Uri.EscapeDataString(promql)}";

    [Fact]
    public async Task ReadAsync_QueryApiValue_IsAQuantityStringInTheJson()
    {
        // Prometheus writes sample values as strings: ["<time>", "42"].
        var reading = await ReadAsync(Query("vector(42)"), "valueLocation=data.result.0.value.1|targetValue=10");

        reading.Value.ShouldBe(42);
        reading.Target.ShouldBe(10);
    }

    [Theory]
    [InlineData("data.result.#", 2)]
    [InlineData("data.result.#(metric.queue==\"b\").value.1", 2)]
    [InlineData("data.result.#(metric.queue%\"a*\").value|1", 1)]
    [InlineData("data.result.#(metric.queue!=\"none\")#|#", 2)]
    public async Task ReadAsync_GjsonQueriesOverRealJson_SelectTheSeries(string location, double expected)
    {
        var reading = await ReadAsync(Query(TwoSeries), "", valueLocation: location);

        reading.Value.ShouldBe(expected);
    }

    [Fact]
    public async Task ReadAsync_OwnMetricsPage_ReadsAGaugeFromTheRealExposition()
    {
        var reading = await ReadAsync(prometheus.BaseAddress + "/metrics", "format=prometheus|valueLocation=prometheus_config_last_reload_successful");

        reading.Value.ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_OwnMetricsPage_ReadsALabelledCounter()
    {
        // The fixture polled /-/ready until it answered 200, so that counter is at least 1.
        var reading = await ReadAsync(prometheus.BaseAddress + "/metrics", "format=prometheus|valueLocation=prometheus_http_requests_total{handler=\"/-/ready\", code=\"200\"}");

        reading.Value.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task ReadAsync_HistogramOnTheRealPage_SaysItHasNoSingleValue()
    {
        var error = await Should.ThrowAsync<MetricsApiException>(() =>
            ReadAsync(prometheus.BaseAddress + "/metrics", "format=prometheus|valueLocation=prometheus_http_request_duration_seconds"));

        error.Message.ShouldEndWith("prometheus_http_request_duration_seconds is a histogram, which has no single value; select a counter, gauge or untyped metric");
    }
}
