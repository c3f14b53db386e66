using System.Text;
using Crema.Abstractions;
using Crema.Scalers.AwsSqs;
using Crema.Scalers.AzureQueue;
using Crema.Scalers.Gcp.CloudRunResource;
using Crema.Scalers.Gcp.Monitoring;
using Crema.Scalers.Gcp.Storage;
using Crema.Scalers.Http;
using Crema.Tests.Scalers.AwsSqs;
using Crema.Tests.Scalers.AzureQueue;
using Crema.Tests.Scalers.Gcp.Storage;
using Crema.Tests.Support;
using FsCheck.Fluent;

namespace Crema.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    private static readonly string[] HttpTokens = ["200\n\n", "400\n\n", "403\n\n", "404\n\n", "500\n\n", "503\n\n", "Content-Type: ", "\n", FuzzReply.Separator, "\u001b[2J"];

    /// <summary>GetQueueAttributes replies (AWS JSON 1.0) through the real SDK client and scaler, with the secret key echoed.</summary>
    private static FuzzTarget AwsSqs()
    {
        const string Json = "application/x-amz-json-1.0";
        string[] seeds =
        [
            FuzzReply.Write(200, """{"Attributes":{"ApproximateNumberOfMessages":"5","ApproximateNumberOfMessagesNotVisible":"2","ApproximateNumberOfMessagesDelayed":"1"}}""", ("Content-Type", Json)),
            FuzzReply.Write(200, """{"Attributes":{"ApproximateNumberOfMessages":"9223372036854775807","ApproximateNumberOfMessagesNotVisible":"9223372036854775807"}}""", ("Content-Type", Json)),
            FuzzReply.Write(403, $$"""{"__type":"com.amazon.coral.service#SignatureDoesNotMatch","message":"The request signature we calculated does not match; key {{FuzzOracle.Secret}}"}""", ("Content-Type", Json), ("x-amzn-query-error", "SignatureDoesNotMatch;Sender")),
            FuzzReply.Write(400, """{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}""", ("Content-Type", Json), ("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender")),
            FuzzReply.Write(500, "<html>Internal \u001b[2J error</html>"),
        ];
        string[] words = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "__type", "message", "Attributes", "x-amzn-query-error: ", "-1"];
        var scaler = new Lazy<IScaler>(() => AwsSqsTriggers.Create(FuzzReplyServer.Shared.BaseAddress, "scaleOnInFlight=true|scaleOnDelayed=true",
            $"awsAccessKeyID={AwsSqsTriggers.AccessKeyId}|awsSecretAccessKey={FuzzOracle.Secret}|awsSessionToken={FuzzOracle.Secret}x"));
        return new FuzzTarget("aws-sqs", FuzzInputs.Mutated(seeds, [.. HttpTokens, .. words, .. FuzzInputs.EdgeNumbers, FuzzOracle.Secret, "{", "}", "\""]),
            text => ReadThroughServer(scaler.Value, text), typeof(AwsSqsException));
    }

    /// <summary>Peek Messages and Get Queue Metadata replies (XML, x-ms headers) through Azure.Storage.Queues and the scaler.</summary>
    private static FuzzTarget AzureQueue()
    {
        var key = Convert.ToBase64String(Encoding.UTF8.GetBytes(FuzzOracle.Secret));
        const string Xml = "application/xml";
        const string Message = "<QueueMessage><MessageId>5974b586-0df3-4e2d-ad0c-18e3892bfca2</MessageId><InsertionTime>Mon, 07 Dec 2026 14:00:00 GMT</InsertionTime><ExpirationTime>Mon, 14 Dec 2026 14:00:00 GMT</ExpirationTime><DequeueCount>0</DequeueCount><MessageText>aGVsbG8=</MessageText></QueueMessage>";
        var full = "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList>" + string.Concat(Enumerable.Repeat(Message, 32)) + "</QueueMessagesList>";
        var metadata = FuzzReply.Write(200, "", ("x-ms-approximate-messages-count", "41"), ("x-ms-version", "2025-11-05"), ("x-ms-request-id", "r"));
        string[] seeds =
        [
            FuzzReply.Write(200, "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList>" + Message + "</QueueMessagesList>", ("Content-Type", Xml), ("x-ms-version", "2025-11-05")),
            FuzzReply.Write(200, full, ("Content-Type", Xml)) + FuzzReply.Separator + metadata,
            metadata,
            FuzzReply.Write(403, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. The MAC signature found in the HTTP request '{key}' is not the same as any computed signature.</Message></Error>", ("Content-Type", Xml), ("x-ms-error-code", "AuthenticationFailed")),
            FuzzReply.Write(404, "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>QueueNotFound</Code><Message>The specified queue does not exist.</Message></Error>", ("Content-Type", Xml), ("x-ms-error-code", "QueueNotFound")),
        ];
        string[] words = ["<QueueMessage>", "</QueueMessage>", "<MessageText>", "x-ms-approximate-messages-count: ", "x-ms-error-code: ", key, "<![CDATA[", "&amp;", "&#0;"];
        var scalers = new Lazy<(IScaler VisibleOnly, IScaler All)>(() =>
        {
            var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};QueueEndpoint={FuzzReplyServer.Shared.BaseAddress}/devstoreaccount1;";
            return (AzureQueueTriggers.Create(connection, "orders", "queueLengthStrategy=visibleonly"), AzureQueueTriggers.Create(connection, "orders"));
        });
        return new FuzzTarget("azure-queue", FuzzInputs.Mutated(seeds, [.. HttpTokens, .. words, .. FuzzInputs.EdgeNumbers]),
            text => ReadThroughServer(text.Length % 2 == 0 ? scalers.Value.VisibleOnly : scalers.Value.All, text), typeof(AzureQueueException));
    }

    /// <summary>objects.list pages through the scaler (its paging, its HTTP source), the caller's credentials in the error bodies.</summary>
    private static FuzzTarget GcpStorage()
    {
        string[] seeds =
        [
            FuzzReply.Write(200, """{"kind":"storage#objects","items":[{"name":"a/1.csv","size":"120"},{"name":"a/","size":"0"},{"name":"a/2.csv","size":"7"}],"prefixes":["a/b/"]}""", ("Content-Type", "application/json")),
            FuzzReply.Write(200, """{"items":[{"name":"x","size":"18446744073709551615"}],"nextPageToken":"CgRhLzI="}""") + FuzzReply.Separator + FuzzReply.Write(200, """{"items":[{"name":"y","size":3}]}"""),
            FuzzReply.Write(403, """{"error":{"code":403,"message":"sa@p.iam.gserviceaccount.com does not have storage.objects.list access","errors":[{"reason":"forbidden"}]}}""", ("Content-Type", "application/json")),
            FuzzReply.Write(404, """{"error":{"code":404,"message":"The specified bucket does not exist."}}"""),
            FuzzReply.Write(200, "{}"),
        ];
        string[] words = ["items", "size", "name", "prefixes", "nextPageToken", "kind", "storage#objects", "error", "\"size\":\"", "\\ud800"];
        var scaler = new Lazy<IScaler>(() => StorageTriggers.Factory.Create(StorageTriggers.Context("maxBucketItemsToScan=2500", environment: new Dictionary<string, string>
        {
            [StorageScalerFactory.EndpointVariable] = FuzzReplyServer.Shared.BaseAddress,
        })));
        return new FuzzTarget("gcp-storage", FuzzInputs.Mutated(seeds, [.. HttpTokens, .. words, .. FuzzInputs.EdgeNumbers, "{", "}", "[", "]", "\"", ","]),
            text => ReadThroughServer(scaler.Value, text), typeof(HttpSourceException), typeof(InvalidOperationException), typeof(TimeoutException));
    }

    /// <summary>Cloud Monitoring pages of run.googleapis.com/container/{cpu,memory}/utilizations read as the cpu and memory triggers read them.</summary>
    private static FuzzTarget CloudRunUtilization()
    {
        string[] seeds =
        [
            """{"timeSeries":[{"metric":{"type":"run.googleapis.com/container/cpu/utilizations"},"resource":{"type":"cloud_run_worker_pool","labels":{"worker_pool_name":"w","location":"l"}},"metricKind":"DELTA","valueType":"DISTRIBUTION","points":[{"interval":{"startTime":"2026-12-07T13:59:00Z","endTime":"2026-12-07T14:00:00Z"},"value":{"distributionValue":{"count":"4","mean":0.42,"bucketOptions":{"exponentialBuckets":{"numFiniteBuckets":100,"growthFactor":1.05,"scale":0.01}},"bucketCounts":["0","4"]}}},{"interval":{"startTime":"2026-12-07T13:58:00Z","endTime":"2026-12-07T13:59:00Z"},"value":{"distributionValue":{"count":"2","mean":0.3}}}]}]}""",
            """{"timeSeries":[{"points":[{"interval":{"endTime":"2026-12-07T14:00:00Z"},"value":{"distributionValue":{"count":"9223372036854775807","mean":1e308}}}]},{"points":[{"interval":{"endTime":"2026-12-07T14:00:00Z"},"value":{"distributionValue":{"count":"9223372036854775807","mean":-1e308}}}]}]}""",
            """{"timeSeries":[{"points":[{"interval":{"endTime":"2026-12-07T14:00:00Z"},"value":{"doubleValue":0.5}}]}]}""",
            "{}",
        ];
        string[] keys = ["timeSeries", "metric", "type", "resource", "labels", "points", "interval", "startTime", "endTime", "value", "distributionValue", "count", "mean", "doubleValue", "int64Value", "nextPageToken"];
        string[] words = ["2026-12-07T14:00:00Z", "2026-12-07T13:59:00Z", "9223372036854775807", "-5", "NaN", "Infinity", "0"];
        return new FuzzTarget("cloud-run-utilization", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            var page = TimeSeriesJsonReader.ReadPage(text);
            var sample = UtilizationQuery.Newest(new TimeSeriesList(page.Series, 1));
            return sample is { } s && (!double.IsFinite(s.Percent) || s.Percent < 0 || s.Samples <= 0) ? $"a utilization of {s.Percent} % from {s.Samples} samples" : null;
        }, typeof(FormatException));
    }

    /// <summary>Serves <paramref name="text"/> and reads <paramref name="scaler"/> once: the reading must be a finite value (not negative, unless allowed) with a clean note.</summary>
    private static string? ReadThroughServer(IScaler scaler, string text, bool negativeAllowed = false)
    {
        FuzzReplyServer.Shared.Serve(text);
        var reading = scaler.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (!double.IsFinite(reading.Value) || (reading.Value < 0 && !negativeAllowed))
        {
            return $"a reading of {reading.Value}";
        }
        return reading.Note is { } note ? Clean(note, "the reading's note") : null;
    }
}
