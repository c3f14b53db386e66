using System.Text;
using Crema.Abstractions;
using Crema.Scalers.Http;
using Crema.Scalers.MetricsApi;
using Crema.Tests.Support;
using FsCheck.Fluent;

namespace Crema.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    // KEDA's own test bodies (TestGetValueFromResponse), and shapes from Crema's tests.
    private const string KedaJson = """{"components":[{"id": "82328e93e", "tasks": 32, "str": "64", "k":"1k","wrong":"NaN"}],"count":2.43}""";
    private const string KedaYaml = "{components: [{id: 82328e93e, tasks: 32, str: '64', k: 1k, wrong: NaN}], count: 2.43}";
    private const string KedaPrometheus = "# HELP backend_queue_size Total number of items\n\t# TYPE backend_queue_size counter\n"
        + "\tbackend_queue_size{queueName=\"zero\"} 0\n\tbackend_queue_size{queueName=\"one\"} 1\n"
        + "\tbackend_queue_size{queueName=\"two\", instance=\"random\"} 2\n\tbackend_queue_size{queueName=\"two\", instance=\"zero\"} 20\n"
        + "\t# HELP random_metric Random metric generate to include noise\n\t# TYPE random_metric counter\n\trandom_metric 10";

    private static readonly Dictionary<MetricsApiFormat, (string[] Bodies, string[] Locations, string[] Tokens)> MetricsApiShapes = new()
    {
        [MetricsApiFormat.Json] = (
            [KedaJson, """{"a":"250m","b":[{"c":"10Mi"},{"c":-4}],"s":"fz-S3cret/9+q=Zk"}""", """{"a":{"b":1e400}}"""],
            ["count", "components.0.tasks", "components.#.tasks", "b.1.c", "s", "a.b", "components.#(id==\"82328e93e\").k"],
            ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "1k", "250m", "2Ki", "1e400", "\\u0000", "\\ud800"]),
        [MetricsApiFormat.Yaml] = (
            [KedaYaml, "base: &b {depth: 9}\nqueue:\n  <<: *b\n  name: q\n", "a:\n  - b: 0x1F\n  - b: !!str 5\ns: fz-S3cret/9+q=Zk\n", "---\na: 1\n---\na: 2\n"],
            ["count", "components.0.tasks", "queue.depth", "a.1.b", "s", "a"],
            ["&a ", "*a", "<<: *a", "!!binary ", "!!int ", "? ", "- ", "{", "}", "[", "]", "|", ">-", "---\n", "\t", ": ", "~", "'", "\"", "\"\\x00\"", ".inf", "0o17"]),
        [MetricsApiFormat.Xml] = (
            ["<stats><components><worker><tasks>12</tasks></worker></components><s>fz-S3cret/9+q=Zk</s></stats>", "<s:stats xmlns:s=\"urn:x\"><s:q depth=\"7\"/><s:q><d>250m</d></s:q></s:stats>", "<?xml version=\"1.0\" encoding=\"utf-8\"?><!-- c --><stats><tasks>3</tasks></stats>"],
            ["components.worker.tasks", "q.0.depth", "q.1.d", "tasks", "s"],
            ["<", ">", "</", "/>", "=\"", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;", "&#0;", "&#x1b;", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>"]),
        [MetricsApiFormat.Prometheus] = (
            [KedaPrometheus, "# TYPE q gauge\nq{name=\"a\\\"b\",s=\"fz-S3cret/9+q=Zk\"} 1e3 1700000000000\nq{name=\"c\"} +Inf\nq_total NaN\n"],
            ["random_metric", "backend_queue_size{queueName=\"one\"}", "backend_queue_size{queueName=\"two\", instance=\"zero\"}", "q{name=\"c\"}", "q"],
            ["{", "}", "=", "\"", ",", " ", "\n", "# TYPE ", "# HELP ", "\\", "\\n", "+Inf", "NaN", "1e309"]),
    };

    /// <summary>A metrics-api reply body of one format through the real scaler (HTTP source, redaction), with basic-auth credentials echoed.</summary>
    private static FuzzTarget MetricsApiReplies(MetricsApiFormat format)
    {
        var (bodies, locations, tokens) = MetricsApiShapes[format];
        var name = $"metrics-api-{format.ToString().ToLowerInvariant()}";
        var scalers = new Lazy<IScaler[]>(() => [.. locations.Select(location => MetricsApiScaler(format, location) ?? throw new InvalidOperationException($"{location} is not a valid {format} valueLocation"))]);
        string[] seeds = [.. bodies, FuzzReply.Write(401, $"bad credentials {FuzzOracle.User}:{FuzzOracle.Secret} ({Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FuzzOracle.User}:{FuzzOracle.Secret}"))})")];
        return new FuzzTarget(name, FuzzInputs.Mutated(seeds, [.. tokens, .. FuzzInputs.EdgeNumbers, FuzzOracle.Secret, "\u001b[2J", "\u2028"]), text =>
        {
            var scaler = scalers.Value[(int)((uint)text.GetHashCode(StringComparison.Ordinal) % (uint)scalers.Value.Length)];
            return ReadThroughServer(scaler, text.StartsWith("401\n", StringComparison.Ordinal) ? text : FuzzReply.Write(200, text), negativeAllowed: true);
        }, typeof(MetricsApiException), typeof(HttpSourceException), typeof(TimeoutException));
    }

    /// <summary>
    /// valueLocation in each format: refused when the trigger is bound (a config error, escaped where the loader
    /// reports it), or read by the real scaler from the format's real bodies, failing only with a clean message.
    /// </summary>
    private static FuzzTarget MetricsApiLocation()
    {
        var formats = Enum.GetValues<MetricsApiFormat>();
        string[] seeds = [.. MetricsApiShapes.Values.SelectMany(s => s.Locations), "a.#(b>1)#.c", "..", "a\\.b", "x{a=~\"b\"}", "@this", "a|b", "0"];
        var inputs = FuzzInputs.Mutated(seeds, ["#", "(", ")", "==", "!=", "%", "*", "?", "|", "@", "\\", ".", "{", "}", "=", "\"", ",", "~", "0", "-1"]);
        return new FuzzTarget("metrics-api-location", inputs, text =>
        {
            var format = formats[text.Length % formats.Length];
            var scaler = MetricsApiScaler(format, text);
            if (scaler is null)
            {
                return null;
            }
            return MetricsApiShapes[format].Bodies.Select(body => Read(scaler, body)).FirstOrDefault(problem => problem is not null);
        });

        static string? Read(IScaler scaler, string body)
        {
            try
            {
                return ReadThroughServer(scaler, FuzzReply.Write(200, body), negativeAllowed: true);
            }
            catch (MetricsApiException e)
            {
                // A location that matches nothing in this body: documented, and its message must be clean.
                return Clean(e.Message, "the extraction error");
            }
        }
    }

    /// <summary>The scaler the factory builds for <paramref name="location"/>, or null when binding refuses it (a config error).</summary>
    private static IScaler? MetricsApiScaler(MetricsApiFormat format, string location)
    {
        var metadata = new Dictionary<string, string>
        {
            ["url"] = FuzzReplyServer.Shared.BaseAddress + "/api/v1/stats",
            ["format"] = format.ToString().ToLowerInvariant(),
            ["valueLocation"] = location,
            ["targetValue"] = "5",
            ["authModes"] = "basic",
        };
        var auth = new Dictionary<string, string> { ["username"] = FuzzOracle.User, ["password"] = FuzzOracle.Secret };
        var factory = new MetricsApiScalerFactory();
        var context = TestTriggers.For("metrics-api", metadata, auth, timeProvider: new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        return factory.Validate(context).IsValid ? factory.Create(context) : null;
    }
}
