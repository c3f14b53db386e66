using System.Net;
using System.Text;
using Crema.Core.Expressions;
using Crema.Google;
using Crema.Google.CloudRun;
using Crema.Google.Storage;
using Crema.Host.Leadership;
using Crema.Scalers.AwsSqs;
using Crema.Scalers.AzureQueue;
using Crema.Scalers.Beanstalkd;
using Crema.Scalers.Cron;
using Crema.Scalers.External;
using Crema.Scalers.Gcp.CloudRunResource;
using Crema.Scalers.Gcp.Monitoring;
using Crema.Scalers.Http;
using Crema.Scalers.MetricsApi;
using Crema.Scalers.NatsJetStream;
using Crema.Scalers.Prometheus;
using Crema.Tests.Configuration;
using Crema.Tests.Google;
using Crema.Tests.Scalers.AwsSqs;
using Crema.Tests.Scalers.AzureQueue;
using Crema.Tests.Scalers.Beanstalkd;
using Crema.Tests.Scalers.MetricsApi;
using Crema.Tests.Scalers.NatsJetStream;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;
using Grpc.Core;
using k8s;

namespace Crema.Tests.Fuzzing;

/// <summary>The inputs the fuzz runs of the newer scalers' replies, the lease stores and the formula lexer found, each pinned with its fix.</summary>
public sealed class ReplyFuzzRegressionTests
{
    [Fact]
    public void AwsSqsSum_CountsPastLongMaxOrNegative_SaturatesAndReadsNegativeAsZero()
    {
        var attributes = new Dictionary<string, string> { ["a"] = "9223372036854775807", ["b"] = "9223372036854775807", ["c"] = "-5" };

        AwsSqsAttributes.Sum(["a", "b"], attributes, "q").ShouldBe(long.MaxValue);
        AwsSqsAttributes.Sum(["c"], attributes, "q").ShouldBe(0);
    }

    [Theory]
    [InlineData("Asia/")]
    [InlineData("Etc/")]
    public void TimeZoneLookup_FolderOfTheDatabase_NotAZoneRatherThanSecurityException(string name)
    {
        TimeZoneLookup.TryFind(name, out _, out var error).ShouldBeFalse();

        error.ShouldContain($"\"{name}\"");
    }

    [Fact]
    public void FormulaLexer_ControlCharacter_ShownEscaped() =>
        Should.Throw<FormulaException>(() => Formula.Parse("a \u001b b")).Message.ShouldBe("unexpected character '\\x1b'");

    [Fact]
    public async Task CloudRunGet_ReplyNotJsonWithControlCharacters_MessageEscaped()
    {
        using var http = new HttpClient(new StubGoogleHandler(HttpStatusCode.OK, "{\"scaling\":tr\u0008ue\u001b[2J}"));
        var client = new CloudRunClient(http, new Uri("https://run.googleapis.com/"), null, TimeProvider.System);

        var error = await Should.ThrowAsync<GoogleApiException>(() => client.GetAsync("projects/p/locations/l/workerPools/w", CancellationToken.None));

        error.Message.ShouldContain("the reply is not valid JSON");
        UntrustedConfigTextTests.IsClean(error.Message).ShouldBeTrue(error.Message);
    }

    [Fact]
    public void ExternalCallError_ServerDetailWithControlCharacters_Escaped() =>
        new ExternalScalerCallException("/externalscaler.ExternalScaler/StreamIsActive", StatusCode.InvalidArgument, "unknown queue \u001b[2J\u202eorders").Message
            .ShouldBe("/externalscaler.ExternalScaler/StreamIsActive: INVALID_ARGUMENT: unknown queue \\x1b[2J\\u202eorders");

    [Fact]
    public async Task MetricsApi_ValueLocationWithBidiControlMatchingNothing_MessageEscaped()
    {
        await using var stub = await HttpStub.StartAsync(200, """{"a":1}""");

        var error = await Should.ThrowAsync<MetricsApiException>(() => MetricsApiTriggers.ReadAsync(stub.BaseAddress + "/s", "", valueLocation: "\u202eb"));

        error.Message.ShouldBe("metrics-api: valueLocation \"\\u202eb\" matches nothing in the json response");
    }

    [Theory]
    [InlineData("a: !<a b> 1")]
    [InlineData("%TAG ! tag:a b,2000:\n---\na: !x 1")]
    public void MetricsApiYaml_TagThatIsNotAUri_NotValidYamlRatherThanArgumentException(string body)
    {
        var extractor = ValueExtractors.Create(MetricsApiFormat.Yaml, "a", out _).ShouldNotBeNull();

        Should.Throw<MetricsApiException>(() => extractor.Extract(Encoding.UTF8.GetBytes(body))).Message.ShouldStartWith("metrics-api: the response is not valid YAML");
    }

    [Fact]
    public void MonitoringPage_NotJsonWithControlCharacters_FormatExceptionWithoutTheText()
    {
        var error = Should.Throw<FormatException>(() => TimeSeriesJsonReader.ReadPage("{\"timeSeries\":tr\u0007ue\n}"));

        error.Message.ShouldBe("the reply is not valid JSON (line 1, byte 16)");
    }

    [Fact]
    public void Utilization_CountsPastLongMaxAndHugeMeans_SaturatedOrSkippedNeverThrown()
    {
        var end = new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);
        TimeSeriesList List(params (long Count, double Mean)[] points) =>
            new([.. points.Select(p => new TimeSeriesData("m", new Dictionary<string, string>(), [new MonitoringPoint(end, null, new DistributionSummary(p.Count, p.Mean))]))], 1);

        var sample = UtilizationQuery.Newest(List((long.MaxValue, 0.5), (long.MaxValue, 0.3))).ShouldNotBeNull();

        sample.Samples.ShouldBe(long.MaxValue);
        sample.Percent.ShouldBe(40, 1e-9);
        UtilizationQuery.Newest(List((1, 1e308), (1, 1e308))).ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"kind":"Status","message":"is forbidden \u001b[2J\u2028now","reason":"Forbidden"}""", "Forbidden: is forbidden \\x1b[2J\\u2028now")]
    [InlineData("""{"kind":"Status","message":"x\ud800"}""", "(no Status body)")]
    public async Task KubernetesLease_StatusMessageWithControlCharactersOrNoText_EscapedOrLeftOut(string body, string shown)
    {
        await using var stub = await HttpStub.StartAsync(403, body);
        var store = new KubernetesLeaseStore(new Kubernetes(new KubernetesClientConfiguration { Host = stub.BaseAddress }), "crema", "crema-leader");

        var result = await store.ReadAsync(CancellationToken.None);

        result.Outcome.ShouldBe(LeaseStoreOutcome.Failed);
        result.Error.ShouldBe($"reading Lease k8s://crema/crema-leader: HTTP 403 {shown}");
    }

    [Theory]
    [InlineData("""{"meta_cl\ud800uster":{"cluster_size":3},"account_details":[]}""", "/jsz")]
    [InlineData("""{"server_name":"n1","connec\ud800t_urls":["10.0.0.1:4222"]}""", "/varz")]
    public void NatsMonitoring_NameWithLoneSurrogate_JetStreamException(string body, string endpoint)
    {
        var (metadata, _) = NatsJetStreamTriggers.Bind("");
        var bytes = Encoding.UTF8.GetBytes(body);

        var error = Should.Throw<NatsJetStreamException>(() => _ = endpoint == "/jsz" ? NatsMonitoringParser.ParseJsz(bytes, metadata) : (object)NatsMonitoringParser.ParseVarz(bytes));

        error.Message.ShouldBe($"the {endpoint} reply holds a name or string that is not valid text");
    }

    [Theory]
    [InlineData("current-jobs-ready: 9223372036854775807\ncurrent-jobs-reserved: 1\ncurrent-jobs-delayed: 1\n", long.MaxValue)]
    [InlineData("current-jobs-ready: 0\ncurrent-jobs-reserved: 1\ncurrent-jobs-delayed: -11\n", 1)]
    public async Task Beanstalkd_CountsPastLongMaxOrNegative_SaturatedAndNeverNegative(string counts, long jobs)
    {
        var (metadata, _) = BeanstalkdTriggers.Bind("includeDelayed=true");
        var body = "---\n" + counts;
        using var stream = new ReplyStream(Encoding.UTF8.GetBytes($"OK {Encoding.UTF8.GetByteCount(body)}\r\n{body}\r\n"));

        var stats = await BeanstalkdClient.ExchangeAsync(stream, metadata, CancellationToken.None);

        metadata.Jobs(stats).ShouldBe(jobs);
    }

    [Fact]
    public void SecretRedactor_SecretSplitByAControlCharacterWhoseEscapeEndsInItsFirstLetter_StillRedacted()
    {
        var redactor = new SecretRedactor(["fz-S3cret"]);

        var cleaned = redactor.Clean("password f\u007fz-S3cret refused");

        cleaned.ShouldNotContain("fz-S3cret");
        cleaned.ShouldBe("password f\\x7[redacted] refused");
    }

    [Fact]
    public async Task AzureQueue_ErrorCodeEchoingTheAccountKey_KeyRedacted()
    {
        const string Key = "ZnotUzNjcmV0LzkrcT1aaw==";
        await using var stub = await HttpStub.StartAsync(context =>
        {
            context.Response.StatusCode = 403;
            context.Response.Headers["x-ms-error-code"] = $"BadKey{Key}/{Key.TrimEnd('=')}";
            return Task.CompletedTask;
        });
        await using var scaler = AzureQueueTriggers.Create($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};QueueEndpoint={stub.BaseAddress}/devstoreaccount1;", "orders");

        var error = await Should.ThrowAsync<AzureQueueException>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldEndWith(": BadKey[redacted]/[redacted] (HTTP 403)");
    }

    [Fact]
    public async Task AzureQueue_NegativeApproximateCount_ReadAsEmpty()
    {
        await using var stub = await HttpStub.StartAsync(context =>
        {
            context.Response.Headers["x-ms-approximate-messages-count"] = "-41";
            return Task.CompletedTask;
        });
        await using var scaler = AzureQueueTriggers.Create($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=ZnotUzNjcmV0LzkrcT1aaw==;QueueEndpoint={stub.BaseAddress}/devstoreaccount1;", "orders");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(0);
    }

    [Fact]
    public async Task AwsSqs_AttributeValueEchoingTheSecretKey_KeyRedacted()
    {
        await using var stub = await HttpStub.StartAsync(200, $$$"""{"Attributes":{"ApproximateNumberOfMessages":"5{{{AwsSqsTriggers.SecretAccessKey}}}"}}""");
        await using var scaler = AwsSqsTriggers.Create(stub.BaseAddress, "scaleOnInFlight=false");

        var error = await Should.ThrowAsync<AwsSqsException>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldBe("aws-sqs-queue: queue orders: attribute ApproximateNumberOfMessages is \"5[redacted]\", not an integer");
    }

    [Theory]
    [InlineData("""{"a":{"b\ud800":1}}""", "a.c")]
    [InlineData("""{"a":"\ud800"}""", "a")]
    public void MetricsApiJson_NameOrStringWithLoneSurrogate_NotValidJsonRatherThanInvalidOperation(string body, string location)
    {
        var extractor = ValueExtractors.Create(MetricsApiFormat.Json, location, out _).ShouldNotBeNull();

        Should.Throw<MetricsApiException>(() => extractor.Extract(Encoding.UTF8.GetBytes(body))).Message
            .ShouldBe("metrics-api: the response is not valid JSON (a name or string is not valid text); check the url and the format key");
    }

    [Fact]
    public async Task CloudStorageLease_ObjectOrRecordWithLoneSurrogate_FailedReadOrUnknownHolder()
    {
        var metadata = """{"bucket":"b","name":"crema-leader","generation":"7"}""";
        await using var stub = await HttpStub.StartAsync(context => context.Response.WriteAsync(context.Request.Query.ContainsKey("alt")
            ? """{"holderIdentity":"a\ud800","leaseDurationSeconds":15}"""
            : context.Request.Path.Value!.EndsWith("broken", StringComparison.Ordinal) ? """{"name":"x\ud800","generation":"7"}""" : metadata));
        var client = new CloudStorageClient(new HttpClient(), new Uri(stub.BaseAddress), null, TimeProvider.System);

        var broken = await new CloudStorageLeaseStore(client, "b", "broken").ReadAsync(CancellationToken.None);
        var read = await new CloudStorageLeaseStore(client, "b", "crema-leader").ReadAsync(CancellationToken.None);

        broken.Error.ShouldBe("reading gs://b/broken: the reply is not a Cloud Storage object resource");
        read.Lease.ShouldNotBeNull().Record.HolderIdentity.ShouldBe(LeaseRecordJson.UnknownHolder);
    }

    [Fact]
    public async Task KubernetesLease_ReplyTheClientCannotParse_ErrorEscaped()
    {
        await using var stub = await HttpStub.StartAsync(200, "{\"kin\u202e\":\u000c\"Lease\"}");
        var store = new KubernetesLeaseStore(new Kubernetes(new KubernetesClientConfiguration { Host = stub.BaseAddress }), "crema", "crema-leader");

        var result = await store.ReadAsync(CancellationToken.None);

        result.Outcome.ShouldBe(LeaseStoreOutcome.Failed);
        result.Error.ShouldStartWith("reading Lease k8s://crema/crema-leader: '0x0C' is an invalid start of a value. Path: $.kin\\u202e");
    }

    [Theory]
    [InlineData("""{"status":"error","errorType":"bad\u001b[2J"}""", "prometheus query failed: bad\\x1b[2J")]
    [InlineData("""{"status":"error","errorType":"\u202eexec","error":"x"}""", "prometheus query failed: \\u202eexec: x")]
    public void Prometheus_ErrorTypeWithControlCharacters_Escaped(string body, string message) =>
        Should.Throw<PrometheusQueryException>(() => PrometheusResponseParser.Parse(Encoding.UTF8.GetBytes(body), ignoreNullValues: false)).Message.ShouldBe(message);

    [Theory]
    [InlineData("{\"timeSeries\":[{\"points\":[{\"value\":{\"int64Value\":\"1\u202e\"}}]}]}", "int64Value \"1\\u202e\" is not an integer")]
    [InlineData("{\"timeSeries\":[{\"points\":[{\"value\":{\"doubleValue\":\"\u007fNaN\"}}]}]}", "doubleValue \"\\x7fNaN\" is not a number")]
    public void MonitoringPoint_ValueWithControlCharacters_QuotedEscaped(string body, string message) =>
        Should.Throw<FormatException>(() => TimeSeriesJsonReader.ReadPage(body)).Message.ShouldBe(message);
}
