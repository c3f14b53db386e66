using System.Text.Json;
using Crema.Scalers.Prometheus;

namespace Crema.Tests.Scalers.Prometheus;

public class PrometheusResponseParserTests
{
    private const string OneSeries = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"w"},"value":[1700000000.1,"%V"]}]}}""";

    private static double Parse(string json, bool ignoreNullValues = true)
    {
        using var document = JsonDocument.Parse(json);
        return PrometheusResponseParser.Parse(document.RootElement, ignoreNullValues);
    }

    private static string Fails(string json, bool ignoreNullValues = true) =>
        Should.Throw<PrometheusQueryException>(() => Parse(json, ignoreNullValues)).Message;

    [Theory]
    [InlineData("42", 42)]
    [InlineData("0.25", 0.25)]
    [InlineData("-3", -3)]
    [InlineData("1e3", 1000)]
    public void Parse_OneSeries_ReturnsItsValue(string value, double expected) =>
        Parse(OneSeries.Replace("%V", value, StringComparison.Ordinal), ignoreNullValues: false).ShouldBe(expected);

    [Fact]
    public void Parse_Scalar_ReturnsItsValue() =>
        Parse("""{"status":"success","data":{"resultType":"scalar","result":[1700000000,"7.5"]}}""").ShouldBe(7.5);

    [Fact]
    public void Parse_EmptyResultIgnoringNulls_ReturnsZero() =>
        Parse("""{"status":"success","data":{"resultType":"vector","result":[]}}""").ShouldBe(0);

    [Fact]
    public void Parse_EmptyResultNotIgnoringNulls_Throws() =>
        Fails("""{"status":"success","data":{"resultType":"vector","result":[]}}""", ignoreNullValues: false)
            .ShouldBe("prometheus query returned an empty result (the target may be lost); set ignoreNullValues: true to read it as 0");

    [Fact]
    public void Parse_SeriesWithoutValueNotIgnoringNulls_Throws() =>
        Fails("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{}}]}}""", ignoreNullValues: false)
            .ShouldStartWith("prometheus query returned an empty result");

    [Fact]
    public void Parse_TwoSeries_ThrowsEvenIgnoringNulls() =>
        Fails("""{"status":"success","data":{"resultType":"vector","result":[{"value":[1,"1"]},{"value":[1,"2"]}]}}""")
            .ShouldBe("prometheus query returned 2 series; it must return at most one (aggregate it, for example with sum(...))");

    [Theory]
    [InlineData("NaN")]
    [InlineData("+Inf")]
    [InlineData("-Inf")]
    public void Parse_NotFiniteIgnoringNulls_ReturnsZero(string value) =>
        Parse(OneSeries.Replace("%V", value, StringComparison.Ordinal)).ShouldBe(0);

    [Theory]
    [InlineData("NaN")]
    [InlineData("+Inf")]
    public void Parse_NotFiniteNotIgnoringNulls_Throws(string value) =>
        Fails(OneSeries.Replace("%V", value, StringComparison.Ordinal), ignoreNullValues: false)
            .ShouldBe($"prometheus query returned {value}; set ignoreNullValues: true to read it as 0");

    [Fact]
    public void Parse_ValueNotANumber_Throws() =>
        Fails(OneSeries.Replace("%V", "lots", StringComparison.Ordinal)).ShouldBe("prometheus value \"lots\" is not a number");

    [Fact]
    public void Parse_MalformedSample_Throws() =>
        Fails("""{"status":"success","data":{"resultType":"vector","result":[{"value":[1]}]}}""")
            .ShouldBe("prometheus query did not return a [time, \"value\"] sample");

    [Fact]
    public void Parse_Matrix_ThrowsAskingForAnInstantQuery() =>
        Fails("""{"status":"success","data":{"resultType":"matrix","result":[]}}""")
            .ShouldBe("prometheus query returned resultType \"matrix\"; use an instant query that returns one series or a scalar");

    [Fact]
    public void Parse_ErrorStatus_ThrowsWithPrometheusError() =>
        Fails("""{"status":"error","errorType":"bad_data","error":"parse error"}""")
            .ShouldBe("prometheus query failed: bad_data: parse error");

    [Theory]
    [InlineData("[]", "prometheus response is not a JSON object")]
    [InlineData("""{"status":"success"}""", "prometheus response has no data.result")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":{}}}""", "prometheus response data.result is not an array")]
    [InlineData("""{}""", "prometheus query failed: the response status is not \"success\"")]
    public void Parse_UnexpectedShape_Throws(string json, string message) => Fails(json).ShouldBe(message);
}
