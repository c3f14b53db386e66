using Crema.Scalers.Http;
using Crema.Abstractions;
using Crema.Scalers.Prometheus;
using static Crema.Tests.Scalers.Prometheus.PrometheusTriggers;

namespace Crema.Tests.Scalers.Prometheus;

/// <summary>The scaler against a real Prometheus 2.x; PromQL constants give deterministic results.</summary>
public class PrometheusScalerRealServerTests(RealPrometheusFixture prometheus) : IClassFixture<RealPrometheusFixture>
{
    private const string TwoSeries = """label_replace(vector(1), "k", "a", "", "") or label_replace(vector(2), "k", "b", "", "")""";

    private async Task<MetricReading> ReadAsync(string query, bool ignoreNullValues = true)
    {
        var metadata = Metadata($"serverAddress={prometheus.BaseAddress}|query={query}|threshold=10|ignoreNullValues={ignoreNullValues}");
        await using var scaler = new PrometheusScalerFactory().Create(Context(metadata));
        return await scaler.ReadAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ReadAsync_VectorQuery_ReturnsItsValue()
    {
        (await ReadAsync("vector(42)")).ShouldBe(new MetricReading(42, 10, IsActive: true));
    }

    [Fact]
    public async Task ReadAsync_ScalarQuery_ReturnsItsValue()
    {
        (await ReadAsync("scalar(vector(7.5))")).Value.ShouldBe(7.5);
    }

    [Fact]
    public async Task ReadAsync_ZeroValue_IsInactive()
    {
        (await ReadAsync("vector(0)")).ShouldBe(new MetricReading(0, 10, IsActive: false));
    }

    [Fact]
    public async Task ReadAsync_EmptyResultIgnoringNulls_ReadsZero()
    {
        (await ReadAsync("vector(1) > 2")).ShouldBe(new MetricReading(0, 10, IsActive: false));
    }

    [Fact]
    public async Task ReadAsync_EmptyResultNotIgnoringNulls_Throws()
    {
        var error = await Should.ThrowAsync<PrometheusQueryException>(() => ReadAsync("vector(1) > 2", ignoreNullValues: false));

        error.Message.ShouldStartWith("prometheus query returned an empty result");
    }

    [Fact]
    public async Task ReadAsync_TwoSeries_Throws()
    {
        var error = await Should.ThrowAsync<PrometheusQueryException>(() => ReadAsync(TwoSeries));

        error.Message.ShouldStartWith("prometheus query returned 2 series");
    }

    [Fact]
    public async Task ReadAsync_NaNIgnoringNulls_ReadsZero()
    {
        (await ReadAsync("vector(0) / 0")).Value.ShouldBe(0);
    }

    [Fact]
    public async Task ReadAsync_NaNNotIgnoringNulls_Throws()
    {
        var error = await Should.ThrowAsync<PrometheusQueryException>(() => ReadAsync("vector(0) / 0", ignoreNullValues: false));

        error.Message.ShouldBe("prometheus query returned NaN; set ignoreNullValues: true to read it as 0");
    }

    [Fact]
    public async Task ReadAsync_BadQuery_ThrowsWithStatusAndPrometheusError()
    {
        var error = await Should.ThrowAsync<HttpSourceException>(() => ReadAsync("sum("));

        error.Message.ShouldStartWith("prometheus query failed: HTTP 400 Bad Request: ");
        error.Message.ShouldContain("bad_data");
    }

    [Fact]
    public async Task ReadAsync_RangeVector_ThrowsAskingForInstantQuery()
    {
        var error = await Should.ThrowAsync<PrometheusQueryException>(() => ReadAsync("crema_test_queue_depth[1m]"));

        error.Message.ShouldStartWith("prometheus query returned resultType \"matrix\"");
    }

    [Fact]
    public async Task ReadAsync_ScrapedGauge_ReturnsScrapedValue()
    {
        // Waiting for Prometheus's first scrape is an external server's readiness: bounded poll.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        MetricReading reading;
        do
        {
            reading = await ReadAsync("sum(crema_test_queue_depth)");
            if (reading.Value != 0)
            {
                break;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        reading.ShouldBe(new MetricReading(RealPrometheusFixture.QueueDepth, 10, IsActive: true));
    }
}
