using System.Text;
using Crema.Scalers.MetricsApi;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>Reading the value at valueLocation in each format, starting from KEDA's own cases (TestGetValueFromResponse).</summary>
public sealed class ValueExtractionTests
{
    // KEDA's inputs, byte for byte (the Prometheus body is indented and has no final newline on purpose).
    private const string KedaJson = """{"components":[{"id": "82328e93e", "tasks": 32, "str": "64", "k":"1k","wrong":"NaN"}],"count":2.43}""";
    private const string KedaYaml = "{components: [{id: 82328e93e, tasks: 32, str: '64', k: 1k, wrong: NaN}], count: 2.43}";
    private const string KedaPrometheus = "# HELP backend_queue_size Total number of items\n\t# TYPE backend_queue_size counter\n"
        + "\tbackend_queue_size{queueName=\"zero\"} 0\n\tbackend_queue_size{queueName=\"one\"} 1\n"
        + "\tbackend_queue_size{queueName=\"two\", instance=\"random\"} 2\n\tbackend_queue_size{queueName=\"two\", instance=\"zero\"} 20\n"
        + "\t# HELP random_metric Random metric generate to include noise\n\t# TYPE random_metric counter\n\trandom_metric 10";

    internal static double Extract(string format, string location, string body)
    {
        var parsed = Enum.Parse<MetricsApiFormat>(format, ignoreCase: true);
        var extractor = ValueExtractors.Create(parsed, location, out var error);
        extractor.ShouldNotBeNull(error);
        return extractor.Extract(Encoding.UTF8.GetBytes(body));
    }

    internal static string Error(string format, string location, string body) =>
        Should.Throw<MetricsApiException>(() => Extract(format, location, body)).Message;

    [Theory]
    [InlineData("json", KedaJson, "count", 2.43)]
    [InlineData("json", KedaJson, "components.0.str", 64)]
    [InlineData("json", KedaJson, "components.0.tasks", 32)]
    [InlineData("json", KedaJson, "components.0.k", 1000)]
    [InlineData("yaml", KedaYaml, "count", 2.43)]
    [InlineData("yaml", KedaYaml, "components.0.str", 64)]
    [InlineData("yaml", KedaYaml, "components.0.tasks", 32)]
    [InlineData("yaml", KedaYaml, "components.0.k", 1000)]
    [InlineData("prometheus", KedaPrometheus, "random_metric", 10)]
    [InlineData("prometheus", KedaPrometheus, "backend_queue_size{queueName=\"one\"}", 1)]
    [InlineData("prometheus", KedaPrometheus, "backend_queue_size{queueName=\"two\"}", 2)]
    [InlineData("prometheus", KedaPrometheus, "backend_queue_size{queueName=\"two\", instance=\"zero\"}", 20)]
    public void Extract_KedaCases_ReadKedasValue(string format, string body, string location, double expected)
    {
        Extract(format, location, body).ShouldBe(expected);
    }

    [Theory]
    [InlineData("json", KedaJson, "components.0.wrong", "metrics-api: valueLocation \"components.0.wrong\" points to the string \"NaN\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)")]
    [InlineData("yaml", KedaYaml, "components.0.wrong", "metrics-api: valueLocation \"components.0.wrong\" points to the string \"NaN\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)")]
    [InlineData("prometheus", KedaPrometheus, "backend_queue_size{invalid=\"test\"}", "metrics-api: valueLocation \"backend_queue_size{invalid=\"test\"}\" matches nothing in the prometheus response: no sample of backend_queue_size has the labels backend_queue_size{invalid=\"test\"}")]
    public void Extract_KedaInvalidCases_AreErrors(string format, string body, string location, string message)
    {
        Error(format, location, body).ShouldBe(message);
    }

    [Fact]
    public void Parse_KedaUnquotedLabelValue_IsRejectedAsKedasParserDoes()
    {
        // KEDA's last case, backend_queue_size{invalid=test}: PromQL needs the value quoted, so KEDA fails too.
        ValueExtractors.Create(MetricsApiFormat.Prometheus, "backend_queue_size{invalid=test}", out var error).ShouldBeNull();
        error.ShouldBe("\"backend_queue_size{invalid=test}\" is not a metric selector: it expects a quoted string at character 28");
    }

    [Theory]
    [InlineData("""{"a": "250m"}""", 0.25)]
    [InlineData("""{"a": "10Mi"}""", 10485760)]
    [InlineData("""{"a": "1.23"}""", 1.23)]
    [InlineData("""{"a": -4}""", -4)]
    [InlineData("""{"a": 1e3}""", 1000)]
    [InlineData("""{"a": "1e3"}""", 1000)]
    public void Extract_JsonNumbersAndQuantities_AreRead(string body, double expected)
    {
        Extract("json", "a", body).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"a": true}""", "a", "metrics-api: valueLocation \"a\" points to true, not a number or a quantity string")]
    [InlineData("""{"a": false}""", "a", "metrics-api: valueLocation \"a\" points to false, not a number or a quantity string")]
    [InlineData("""{"a": null}""", "a", "metrics-api: valueLocation \"a\" points to null, not a number or a quantity string")]
    [InlineData("""{"a": {"b": 1}}""", "a", "metrics-api: valueLocation \"a\" points to an object, not a number or a quantity string")]
    [InlineData("""{"a": [1, 2]}""", "a", "metrics-api: valueLocation \"a\" points to an array, not a number or a quantity string")]
    [InlineData("""{"a": [{"b": 1}]}""", "a.#.b", "metrics-api: valueLocation \"a.#.b\" points to an array, not a number or a quantity string")]
    [InlineData("""{"a": 1}""", "b", "metrics-api: valueLocation \"b\" matches nothing in the json response")]
    [InlineData("""{"a": 1}""", "a.b", "metrics-api: valueLocation \"a.b\" matches nothing in the json response")]
    [InlineData("""{"a": 1e400}""", "a", "metrics-api: valueLocation \"a\" points to +Inf, not a finite number")]
    [InlineData("""{"a": -1e400}""", "a", "metrics-api: valueLocation \"a\" points to -Inf, not a finite number")]
    [InlineData("""{"a": "1e400"}""", "a", "metrics-api: valueLocation \"a\" points to +Inf, not a finite number")]
    [InlineData("""{"a": ""}""", "a", "metrics-api: valueLocation \"a\" points to the string \"\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)")]
    [InlineData("""{"a": "a very long text that the message must cut short, somewhere"}""", "a", "metrics-api: valueLocation \"a\" points to the string \"a very long text that the message must c…\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)")]
    [InlineData("{\"a\": \"12\\u001b[2J\"}", "a", "metrics-api: valueLocation \"a\" points to the string \"12\\x1b[2J\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)")]
    [InlineData("<html>login</html>", "a", "metrics-api: the response is not valid JSON (line 1, byte 0); check the url and the format key")]
    [InlineData("{\"a\":\n 1,}", "a", "metrics-api: the response is not valid JSON (line 2, byte 3); check the url and the format key")]
    [InlineData("", "a", "metrics-api: the response is not valid JSON (line 1, byte 0); check the url and the format key")]
    [InlineData("42", "a", "metrics-api: valueLocation \"a\" matches nothing in the json response")]
    public void Extract_JsonWithoutAValue_IsAPreciseError(string body, string location, string message)
    {
        Error("json", location, body).ShouldBe(message);
    }

    [Fact]
    public void Extract_JsonWithByteOrderMark_IsRead()
    {
        var extractor = ValueExtractors.Create(MetricsApiFormat.Json, "a", out _)!;

        extractor.Extract(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"a": 7}""")).ToArray()).ShouldBe(7);
    }

    [Theory]
    [InlineData("a: 7", "a", 7)]
    [InlineData("a: 0x1F", "a", 31)]
    [InlineData("a: 0o17", "a", 15)]
    [InlineData("a: 017", "a", 15)]
    [InlineData("a: 0b101", "a", 5)]
    [InlineData("a: 1_000", "a", 1000)]
    [InlineData("a: 08", "a", 8)]
    [InlineData("a: +5", "a", 5)]
    [InlineData("a: -.5", "a", -0.5)]
    [InlineData("a: .5", "a", 0.5)]
    [InlineData("a: 2e3", "a", 2000)]
    [InlineData("a: \"250m\"", "a", 0.25)]
    [InlineData("a: !!str 5", "a", 5)]
    [InlineData("a:\n  - b: 1\n  - b: 2\n", "a.1.b", 2)]
    [InlineData("base: &b {depth: 9}\nqueue:\n  <<: *b\n  name: q\n", "queue.depth", 9)]
    [InlineData("base: &b {depth: 9}\nqueue:\n  <<: *b\n  depth: 4\n", "queue.depth", 4)]
    [InlineData("a: &x 12\nb: *x\n", "b", 12)]
    [InlineData("1: {2: 5}", "1.2", 5)]
    [InlineData("true: 3", "true", 3)]
    // KEDA's GetValueByPath returns the first scalar it reaches, even with segments left.
    [InlineData("count: 5", "count.extra.more", 5)]
    [InlineData("---\na: 1\n---\na: 2\n", "a", 1)]
    public void Extract_YamlAsYamlV3DecodesIt_ReadsTheValue(string body, string location, double expected)
    {
        Extract("yaml", location, body).ShouldBe(expected);
    }

    [Theory]
    [InlineData("a: true", "a", "metrics-api: valueLocation \"a\" points to true, not a number or a quantity string")]
    [InlineData("a: ~", "a", "metrics-api: valueLocation \"a\" points to null, not a number or a quantity string")]
    [InlineData("a: {b: 1}", "a", "metrics-api: valueLocation \"a\" points to a mapping, not a number or a quantity string")]
    [InlineData("a: [1]", "a", "metrics-api: valueLocation \"a\" points to a sequence, not a number or a quantity string")]
    [InlineData("a: .nan", "a", "metrics-api: valueLocation \"a\" points to NaN, not a finite number")]
    [InlineData("a: .inf", "a", "metrics-api: valueLocation \"a\" points to +Inf, not a finite number")]
    [InlineData("a: 2001-12-14", "a", "metrics-api: valueLocation \"a\" points to the string \"2001-12-14\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)")]
    [InlineData("a: 1", "b", "metrics-api: valueLocation \"b\" matches nothing in the yaml response: key \"b\" not found")]
    [InlineData("a: [1, 2]", "a.2", "metrics-api: valueLocation \"a.2\" matches nothing in the yaml response: key \"2\" not found")]
    [InlineData("a: [1, 2]", "a.01", "metrics-api: valueLocation \"a.01\" matches nothing in the yaml response: key \"01\" not found")]
    [InlineData("", "a", "metrics-api: valueLocation \"a\" matches nothing in the yaml response: key \"a\" not found")]
    [InlineData("- 1\n- 2", "0", "metrics-api: the yaml response is a sequence, not a mapping; valueLocation \"0\" starts at a top-level mapping")]
    [InlineData("a: 1\na: 2", "a", "metrics-api: the yaml response repeats the key \"a\" in one mapping")]
    [InlineData("a: [1", "a", "metrics-api: the response is not valid YAML (line 2, column 1); check the url and the format key")]
    [InlineData("b: *nowhere", "b", "metrics-api: the response is not valid YAML (line 1, column 4); check the url and the format key")]
    public void Extract_YamlWithoutAValue_IsAPreciseError(string body, string location, string message)
    {
        Error("yaml", location, body).ShouldBe(message);
    }

    [Fact]
    public void Extract_YamlNestedTooDeep_IsAnErrorNotACrash()
    {
        var body = "a: " + new string('[', 10_000) + new string(']', 10_000);

        Error("yaml", "a", body).ShouldStartWith("metrics-api: the response is not valid YAML (line 1, column ");
    }

    [Fact]
    public void Extract_YamlMergeFanOut_IsCutShortNotExponential()
    {
        var levels = new List<string> { "a0: &a0 {x: 1}" };
        for (var level = 1; level < 16; level++)
        {
            levels.Add($"a{level}: &a{level} {{<<: [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]}}");
        }
        var body = string.Join("\n", levels) + "\nq: {<<: *a15}\n";

        Extract("yaml", "q.x", body).ShouldBe(1);
        Error("yaml", "q.missing", body).ShouldBe("metrics-api: looking up \"missing\" in the yaml response visits more than 10000 merged (<<) mappings");
    }

    [Theory]
    [InlineData("<stats><components><worker><tasks>12</tasks></worker></components></stats>", "components.worker.tasks", 12)]
    [InlineData("<stats><tasks>\n  12\n</tasks></stats>", "tasks", 12)]
    [InlineData("<stats><q><d>1</d></q><q><d>2</d></q></stats>", "q.1.d", 2)]
    [InlineData("<stats><q><d>1</d></q></stats>", "q.0.d", 1)]
    [InlineData("<stats><q depth=\"7\"/></stats>", "q.depth", 7)]
    [InlineData("<stats><q depth=\"7\"><depth>8</depth></q></stats>", "q.depth", 8)]
    [InlineData("<s:stats xmlns:s=\"urn:x\"><s:tasks>250m</s:tasks></s:stats>", "tasks", 0.25)]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?><!-- c --><stats><tasks>3</tasks></stats>", "tasks", 3)]
    public void Extract_Xml_ReadsTheDocumentedDottedPath(string body, string location, double expected)
    {
        Extract("xml", location, body).ShouldBe(expected);
    }

    [Theory]
    [InlineData("<stats><q><d>1</d></q><q><d>2</d></q></stats>", "q.d", "metrics-api: valueLocation \"q.d\": \"q\" matches 2 elements; pick one with an index (q.0)")]
    [InlineData("<stats><q>1</q><q>2</q></stats>", "q", "metrics-api: valueLocation \"q\" matches 2 elements; pick one with an index (q.0)")]
    [InlineData("<stats><q>1</q></stats>", "q.3", "metrics-api: valueLocation \"q.3\" matches nothing in the xml response: there are 1 <q> elements, so no index 3")]
    [InlineData("<stats><q>1</q></stats>", "r", "metrics-api: valueLocation \"r\" matches nothing in the xml response: <stats> has no element or attribute \"r\"")]
    [InlineData("<stats><q depth=\"7\"/></stats>", "q.depth.x", "metrics-api: valueLocation \"q.depth.x\" matches nothing in the xml response: \"depth\" is an attribute of <q>, with nothing below it")]
    [InlineData("<stats><q><d>1</d></q></stats>", "q", "metrics-api: valueLocation \"q\" points to the element <q>, which has child elements, not a number or a quantity string")]
    [InlineData("<stats><q>many</q></stats>", "q", "metrics-api: valueLocation \"q\" points to the string \"many\", which is neither a number nor a Kubernetes quantity (such as 12, 1.5, 250m or 2Ki)")]
    [InlineData("<stats><q>", "q", "metrics-api: the response is not valid XML (line 1, position 11); check the url and the format key")]
    [InlineData("<!DOCTYPE s [<!ENTITY x \"1\">]><s><q>&x;</q></s>", "q", "metrics-api: the response is not valid XML (it has a DTD, which is not read); check the url and the format key")]
    public void Extract_XmlWithoutAValue_IsAPreciseError(string body, string location, string message)
    {
        Error("xml", location, body).ShouldBe(message);
    }
}
