using System.Text;
using System.Text.Json;
using Crema.Google;
using Crema.Google.CloudRun;
using Crema.Google.Http;
using Crema.Google.Secrets;
using Crema.Scalers.Gcp.Monitoring;
using Crema.Scalers.Http;
using Crema.Scalers.Prometheus;
using Crema.Scalers.RabbitMq;

namespace Crema.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    private static FuzzTarget Prometheus()
    {
        string[] seeds =
        [
            """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"w"},"value":[1700000000.123,"42"]}]}}""",
            """{"status":"success","data":{"resultType":"scalar","result":[1700000000,"3.5"]}}""",
            """{"status":"success","data":{"resultType":"vector","result":[]}}""",
            """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]}]},"warnings":["w"]}""",
            """{"status":"error","errorType":"bad_data","error":"1:1: parse error: unexpected end of input"}""",
        ];
        string[] keys = ["status", "data", "resultType", "result", "metric", "value", "values", "errorType", "error", "warnings"];
        string[] words = ["success", "error", "vector", "scalar", "matrix", "string", "NaN", "+Inf", "-Inf", "Inf", "42", "bad_data"];
        return new FuzzTarget("prometheus", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            PrometheusResponseParser.Parse(Encoding.UTF8.GetBytes(text), ignoreNullValues: text.Length % 2 == 0);
            return null;
        }, typeof(PrometheusQueryException));
    }

    private static FuzzTarget Monitoring()
    {
        string[] seeds =
        [
            """{"timeSeries":[{"metric":{"type":"pubsub.googleapis.com/subscription/num_undelivered_messages"},"resource":{"type":"pubsub_subscription","labels":{"subscription_id":"s"}},"points":[{"interval":{"startTime":"2025-01-01T00:00:00Z","endTime":"2025-01-01T00:01:00Z"},"value":{"int64Value":"12"}}]}],"nextPageToken":"t"}""",
            """{"timeSeries":[{"metric":{"type":"m"},"points":[{"interval":{"endTime":"2025-01-01T00:01:00Z"},"value":{"doubleValue":1.5}},{"value":{"doubleValue":"NaN"}}]}]}""",
            """{"timeSeries":[{"points":[{"value":{"distributionValue":{"count":"3","mean":2.5}}},{"value":{"boolValue":true}}]}]}""",
            "{}",
        ];
        string[] keys = ["timeSeries", "metric", "type", "labels", "resource", "points", "interval", "startTime", "endTime", "value", "int64Value", "doubleValue", "boolValue", "distributionValue", "count", "mean", "nextPageToken", "subscription_id"];
        string[] words = ["12", "NaN", "Infinity", "-Infinity", "2025-01-01T00:01:00Z", "not a time", "pubsub_subscription"];
        return new FuzzTarget("monitoring", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            TimeSeriesJsonReader.ReadPage(text);
            return null;
        }, typeof(FormatException));
    }

    private static FuzzTarget MonitoringError()
    {
        string[] seeds = ["""{"error":{"code":403,"message":"Permission monitoring.timeSeries.list denied","status":"PERMISSION_DENIED"}}""", "<html>502 Bad Gateway</html>", ""];
        string[] keys = ["error", "code", "message", "status", "details", "@type"];
        string[] words = ["PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "denied\u001b[2J", "x"];
        return new FuzzTarget("monitoring-error", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            var error = MonitoringApiException.FromResponse((System.Net.HttpStatusCode)(400 + (text.Length % 5 * 1)), text, TimeSpan.FromSeconds(3), "p", "sa@p.iam.gserviceaccount.com");
            return Clean(error.Message, "the error message");
        });
    }

    private static FuzzTarget GoogleError()
    {
        string[] seeds = ["""{"error":{"code":404,"message":"WorkerPool not found","status":"NOT_FOUND"}}""", """{"error":"invalid_grant"}""", "Service Unavailable"];
        string[] keys = ["error", "code", "message", "status", "details"];
        string[] words = ["NOT_FOUND", "ABORTED", "404", "m\u0007"];
        return new FuzzTarget("google-error", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            var error = GoogleApiError.From(503, text);
            return error.ToString().Length == 0 ? "an empty error text" : null;
        });
    }

    private static FuzzTarget CloudRun()
    {
        string[] seeds =
        [
            """{"name":"projects/p/locations/l/workerPools/w","uid":"u","generation":"2","observedGeneration":"1","scaling":{"manualInstanceCount":3,"scalingMode":"MANUAL"},"etag":"\"abc\"","reconciling":true,"terminalCondition":{"type":"Ready","state":"CONDITION_RECONCILING","message":"m"},"updateTime":"2025-06-01T12:00:00Z","latestReadyRevision":"r"}""",
            """{"name":"projects/p/locations/l/operations/o","done":true,"error":{"code":10,"message":"conflict","status":"ABORTED"}}""",
            """{"name":"projects/p/locations/l/operations/o","done":false,"metadata":{}}""",
        ];
        string[] keys = ["name", "uid", "generation", "observedGeneration", "scaling", "manualInstanceCount", "scalingMode", "etag", "reconciling", "terminalCondition", "type", "state", "message", "updateTime", "latestReadyRevision", "done", "error", "code", "status", "response"];
        string[] words = ["MANUAL", "AUTOMATIC", "2", "-1", "2025-06-01T12:00:00Z", "ABORTED"];
        var requested = CloudRunResourceName.Parse("projects/p/locations/l/workerPools/w");
        return new FuzzTarget("cloud-run", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            // JsonException is the documented refusal: CloudRunClient words it (NotJson) in a GoogleApiException or a failed ScaleResult.
            try
            {
                var target = CloudRunJson.ReadTarget(text, requested);
                CloudRunJson.ReadOperation(text);
                return target.InstanceCount < 0 ? $"a negative instance count {target.InstanceCount}" : null;
            }
            catch (JsonException e)
            {
                return Clean(CloudRunClient.NotJson(e), "the unreadable-reply message");
            }
        });
    }

    private static FuzzTarget SecretPayload()
    {
        var data = Encoding.UTF8.GetBytes("hunter2");
        string[] seeds =
        [
            "{\"name\":\"projects/1/secrets/s/versions/1\",\"payload\":{\"data\":\"" + Convert.ToBase64String(data) + "\",\"dataCrc32c\":\"" + Crc32C.Compute(data) + "\"}}",
            """{"name":"n","payload":{"data":"aGVsbG8="}}""",
        ];
        string[] keys = ["name", "payload", "data", "dataCrc32c"];
        string[] words = ["aGVsbG8=", "====", "4294967295", "-1", "not base64!"];
        return new FuzzTarget("secret-manager", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            SecretManagerClient.ReadPayload("projects/1/secrets/s/versions/1", text);
            return null;
        }, typeof(GoogleApiException));
    }

    private static FuzzTarget OAuthToken()
    {
        string[] seeds = ["""{"access_token":"ya29.abc","token_type":"Bearer","expires_in":3599}""", """{"access_token":"t","expires_in":"3600"}""", """{"error":"invalid_client"}"""];
        string[] keys = ["access_token", "token_type", "expires_in", "scope", "error"];
        string[] words = ["Bearer", "3600", "t"];
        var now = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        return new FuzzTarget("oauth-token", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            var (token, expires) = OAuthTokenCache.ParseToken(text, "https://auth.example/token", now, TimeSpan.FromMinutes(5));
            return token.Length == 0 || expires <= now ? $"token \"{token}\" expiring {expires}" : null;
        }, typeof(HttpSourceException));
    }

    private static FuzzTarget RabbitMq()
    {
        string[] seeds =
        [
            """{"name":"q","vhost":"/","messages":5,"messages_ready":3,"messages_unacknowledged":2,"message_stats":{"publish_details":{"rate":1.5},"deliver_get_details":{"rate":0.5}}}""",
            """{"items":[{"name":"q1","messages":1},{"name":"q2","messages_ready":2}],"page_count":1,"total_count":2,"page":1}""",
        ];
        string[] keys = ["name", "vhost", "messages", "messages_ready", "messages_unacknowledged", "message_stats", "publish_details", "deliver_get_details", "rate", "items", "page_count", "total_count", "page"];
        string[] words = ["q", "/", "5"];
        return new FuzzTarget("rabbitmq", FuzzInputs.JsonMix(seeds, keys, words), text =>
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                // RabbitMqHttpScaler words this itself ("the reply is not JSON"), without the parser's text.
                return null;
            }
            using var _ = document;
            var stats = text.Contains("items", StringComparison.Ordinal)
                ? RabbitMqQueueStats.Combine(RabbitMqQueueInfoParser.ParseListing(document.RootElement, text.Length % 2 == 0).Queues, RabbitMqOperation.Sum)
                : RabbitMqQueueInfoParser.ParseQueue(document.RootElement, text.Length % 2 == 0);
            return stats.Messages < 0 ? $"negative message count {stats.Messages}" : null;
        }, typeof(RabbitMqException));
    }

    private static FuzzTarget ErrorExcerpt()
    {
        string[] seeds = ["""{"message":"Bad credentials","documentation_url":"https://docs.github.com"}""", "<html><body>502 Bad Gateway</body></html>", "token hunter2 refused\r\nX-Injected: 1"];
        return new FuzzTarget("error-excerpt", FuzzInputs.Mutated(seeds, ["hunter2", "\u001b[2J", "\r\n", "\u2028", "\0"]), text =>
        {
            var excerpt = HttpErrorExcerpt.From(text, ["hunter2"]);
            return excerpt.Contains("hunter2", StringComparison.Ordinal) ? "the secret survived" : excerpt.Length > HttpErrorExcerpt.MaxLength + 1 ? $"{excerpt.Length} chars" : Clean(excerpt, "the excerpt");
        });
    }

    private static FuzzTarget RedisInfo()
    {
        string[] seeds = ["# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n", "redis_version:\r\n", "redis_version:99999999999.1"];
        return new FuzzTarget("redis-info", FuzzInputs.Mutated(seeds, ["redis_version:", "\r\n", ".", "7"]), text =>
        {
            var major = Crema.Scalers.Redis.RedisServerInfo.MajorVersion(text);
            return major < 0 ? $"negative version {major}" : null;
        });
    }
}
