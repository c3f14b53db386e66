using Crema.Scalers.MetricsApi;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>valueLocation for format prometheus: PromQL's metric selector syntax, equality matchers only.</summary>
public sealed class PrometheusSelectorTests
{
    [Theory]
    [InlineData("queue_depth", "queue_depth", "")]
    [InlineData(" queue_depth { queue = \"a\" , region='eu' , } ", "queue_depth", "queue=a;region=eu")]
    [InlineData("ns:queue_depth:sum{}", "ns:queue_depth:sum", "")]
    [InlineData("{__name__=\"queue_depth\"}", "queue_depth", "")]
    [InlineData("{\"queue.depth\", \"queue.name\"=\"a\"}", "queue.depth", "queue.name=a")]
    [InlineData("q{l=`raw\\n`}", "q", "l=raw\\n")]
    [InlineData("q{l=\"tab\\there \\u00e9 \\x41\"}", "q", "l=tab\there é A")]
    public void Parse_Selector_NameAndLabels(string text, string name, string labels)
    {
        var selector = PrometheusSelector.Parse(text, out var error);

        error.ShouldBeNull();
        selector!.Name.ShouldBe(name);
        string.Join(";", selector.Labels.Select(l => $"{l.Key}={l.Value}")).ShouldBe(labels);
    }

    [Theory]
    [InlineData("q{l=~\"a.*\"}", "uses =~ on l; only = matchers are supported (KEDA's metrics-api compares every matcher as =)")]
    [InlineData("q{l!~\"a\"}", "uses !~ on l; only = matchers are supported (KEDA's metrics-api compares every matcher as =)")]
    [InlineData("q{__name__=\"r\"}", "names the metric twice")]
    [InlineData("q{\"r\"}", "names the metric twice")]
    [InlineData("q{l=\"a}", "has an unterminated string")]
    [InlineData("q{l=\"\\q\"}", "has an invalid escape at character 7")]
    [InlineData("q{l}", "expects =, !=, =~ or !~ at character 4")]
    [InlineData("q{9=\"a\"}", "expects a name at character 3")]
    [InlineData("q x", "has unexpected text at character 3")]
    [InlineData("", "names no metric; write metric_name or metric_name{label=\"value\"}")]
    public void Parse_NotASelectorKedaCanUse_SaysWhy(string text, string reason)
    {
        PrometheusSelector.Parse(text, out var error).ShouldBeNull();

        error.ShouldBe($"\"{text}\" is not a metric selector: it {reason}");
    }
}
