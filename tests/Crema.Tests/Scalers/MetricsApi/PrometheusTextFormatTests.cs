using System.Text.RegularExpressions;
using Crema.Tests.Observability;
using static Crema.Tests.Scalers.MetricsApi.ValueExtractionTests;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>The prometheus format: selecting a sample in a text exposition, and rejecting what Prometheus' own parser rejects.</summary>
public sealed partial class PrometheusTextFormatTests
{
    private const string Mixed = """
        # HELP jobs_waiting Jobs waiting per queue.
        # TYPE jobs_waiting gauge
        jobs_waiting{queue="orders",region="eu"} 12 1700000000000
        jobs_waiting{queue="orders",region="us"} 30
        jobs_waiting{queue="mail"} 4
        # TYPE rpc_seconds summary
        rpc_seconds{quantile="0.5"} 0.2
        rpc_seconds_sum 10
        rpc_seconds_count 40
        # TYPE size_bytes histogram
        size_bytes_bucket{le="+Inf"} 3
        size_bytes_sum 300
        size_bytes_count 3
        plain_total 7
        escaped{path="a\"b\\c\nd"} 5
        big 1.5e3
        negative -2
        """;

    [Theory]
    [InlineData("jobs_waiting", 12)]
    [InlineData("jobs_waiting{region=\"us\"}", 30)]
    [InlineData("jobs_waiting{queue=\"orders\", region=\"us\"}", 30)]
    [InlineData("jobs_waiting{queue='mail'}", 4)]
    [InlineData("{__name__=\"jobs_waiting\", queue=\"mail\"}", 4)]
    [InlineData("{\"jobs_waiting\", queue=\"mail\",}", 4)]
    [InlineData("plain_total", 7)]
    [InlineData("escaped{path=\"a\\\"b\\\\c\\nd\"}", 5)]
    [InlineData("big", 1500)]
    [InlineData("negative", -2)]
    public void Find_SelectorInAnExposition_ReadsTheFirstMatchingSample(string selector, double expected)
    {
        Extract("prometheus", selector, Mixed).ShouldBe(expected);
    }

    [Theory]
    [InlineData("rpc_seconds", "rpc_seconds is a summary, which has no single value; select a counter, gauge or untyped metric")]
    [InlineData("rpc_seconds_count", "metric rpc_seconds_count not found")]
    [InlineData("size_bytes_bucket", "metric size_bytes_bucket not found")]
    [InlineData("size_bytes", "size_bytes is a histogram, which has no single value; select a counter, gauge or untyped metric")]
    [InlineData("jobs_waiting{queue=\"video\"}", "no sample of jobs_waiting has the labels jobs_waiting{queue=\"video\"}")]
    [InlineData("jobs", "metric jobs not found")]
    public void Find_NothingSelectable_SaysWhy(string selector, string detail)
    {
        Error("prometheus", selector, Mixed).ShouldBe($"metrics-api: valueLocation \"{selector}\" matches nothing in the prometheus response: {detail}");
    }

    [Theory]
    [InlineData("a NaN", "NaN")]
    [InlineData("a +Inf", "+Inf")]
    [InlineData("a -inf", "-Inf")]
    public void Find_NonFiniteSample_IsAnError(string body, string shown)
    {
        Error("prometheus", "a", body).ShouldBe($"metrics-api: valueLocation \"a\" points to {shown}, not a finite number");
    }

    [Fact]
    public void Find_CrlfLinesAndNoFinalNewline_AreRead()
    {
        Extract("prometheus", "b", "a 1\r\nb 2\r\nc 3").ShouldBe(2);
    }

    [Fact]
    public void Find_ErrorAfterTheMatch_StillFailsTheRead()
    {
        // expfmt parses the whole body before KEDA looks for the metric.
        Error("prometheus", "a", "a 1\nb{ 2\n").ShouldBe("metrics-api: the response is not Prometheus text format: line 2: expected a label name");
    }

    /// <summary>Bodies Prometheus' parser accepts or rejects; Crema must agree, on the same line.</summary>
    public static TheoryData<string> Bodies() =>
    [
        "a 1\n",
        "  a 1\n\t\tb 2\n",
        "# TYPE a gauge\na 1\n",
        "# HELP a help with \\n escape\n# TYPE a counter\na 1\n",
        "a 1\n# TYPE a counter\n",
        "# TYPE a counter\n# TYPE a gauge\n",
        "# HELP a x\n# HELP a y\n",
        "# TYPE a wibble\n",
        "# TYPE a Gauge\na 1\n",
        "# random comment\na 1\n",
        "a{b=\"x} 1\n",
        "a{b=\"x\"} 1 xyz\n",
        "a{b=\"x\",} 1\n",
        "a{b=\"x\" c=\"y\"} 1\n",
        "a{b=\"\\q\"} 1\n",
        "a{1b=\"x\"} 1\n",
        "a{b=x} 1\n",
        "a one\n",
        "a\n",
        "a 1 2 3\n",
        "1a 1\n",
        "a:b_c 1\n",
        "a 1 -5\n",
        "a 0x10\n",
        "a 1e3\n",
        "a{} 1\n",
        "# TYPE s summary\ns{quantile=\"0.5\"} 1\ns_sum 2\ns_count 3\n",
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 2\nh_count 2\n",
        "x 1\ny 2\nz{ 3\n",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Find_AnyBody_RejectedExactlyWhenPromtoolRejectsIt(string body)
    {
        var (exitCode, output) = await Promtool.CheckMetricsAsync(body);
        var promtoolLine = ParseErrorLine().Match(output) is { Success: true } match ? match.Groups[1].Value : null;
        exitCode.ShouldBe(promtoolLine is null ? exitCode : 1, output);

        string? cremaLine = null;
        try
        {
            Extract("prometheus", "never_present", body);
        }
        catch (Crema.Scalers.MetricsApi.MetricsApiException e) when (CremaErrorLine().Match(e.Message) is { Success: true } crema)
        {
            cremaLine = crema.Groups[1].Value;
        }
        catch (Crema.Scalers.MetricsApi.MetricsApiException)
        {
            // "not found": the body itself was accepted.
        }

        cremaLine.ShouldBe(promtoolLine, $"promtool said: {output}");
    }

    [GeneratedRegex(@"text format parsing error in line (\d+)")]
    private static partial Regex ParseErrorLine();

    [GeneratedRegex(@"not Prometheus text format: line (\d+)")]
    private static partial Regex CremaErrorLine();
}
