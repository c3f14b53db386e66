using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Scalers.AwsSqs;

/// <summary>
/// A loopback stand-in for Amazon SQS speaking what AWS SDK v4 speaks: AWS JSON 1.0 (POST /, X-Amz-Target
/// AmazonSQS.GetQueueAttributes, application/x-amz-json-1.0), with AWS's error shapes (<c>__type</c>, <c>message</c> and
/// the x-amzn-query-error code) and a real SigV4 check of every request against the keys it knows.
/// </summary>
internal sealed class SqsStandIn : IAsyncDisposable
{
    private readonly HttpStub stub;
    private readonly TaskCompletionSource firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SqsStandIn(HttpStub stub) => this.stub = stub;

    /// <summary>For example http://127.0.0.1:41234.</summary>
    public string Endpoint => stub.BaseAddress;

    /// <summary>Access key ID → secret access key.</summary>
    public ConcurrentDictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Queue URL → (visible, not visible, delayed).</summary>
    public ConcurrentDictionary<string, (long Visible, long NotVisible, long Delayed)> Queues { get; } = new(StringComparer.Ordinal);

    /// <summary>Queue URLs the caller may not read.</summary>
    public ConcurrentDictionary<string, bool> Denied { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<SqsRequest> Requests { get; } = new();

    /// <summary>Completes when the first request has arrived.</summary>
    public Task FirstRequest => firstRequest.Task;

    /// <summary>When set, requests wait for it before being answered (a server that does not answer).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>When set, replaces the success body (a malformed reply).</summary>
    public string? BodyOverride { get; set; }

    public static async Task<SqsStandIn> StartAsync()
    {
        SqsStandIn? standIn = null;
        var stub = await HttpStub.StartAsync(context => standIn!.HandleAsync(context));
        standIn = new SqsStandIn(stub);
        return standIn;
    }

    public ValueTask DisposeAsync() => stub.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new SqsRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body);
        Requests.Enqueue(request);
        firstRequest.TrySetResult();
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(context.RequestAborted);
        }
        if (request.Target != "AmazonSQS.GetQueueAttributes" || !request.ContentType.StartsWith("application/x-amz-json-1.0", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 400, "UnknownOperationException", "com.amazon.coral.service#UnknownOperationException", "");
            return;
        }
        var keyId = SigV4Verifier.AccessKeyId(request.Authorization);
        if (keyId is null || !Keys.TryGetValue(keyId, out var secret))
        {
            await ErrorAsync(context, 403, "InvalidClientTokenId", "com.amazon.coral.service#InvalidClientTokenId", "The security token included in the request is invalid.");
            return;
        }
        if (!SigV4Verifier.Verify(request, context.Request.Host.Value ?? "", secret))
        {
            await ErrorAsync(context, 403, "SignatureDoesNotMatch", "com.amazon.coral.service#SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
            return;
        }
        var input = JsonNode.Parse(body)!;
        var queueUrl = (string?)input["QueueUrl"] ?? "";
        if (Denied.ContainsKey(queueUrl))
        {
            await ErrorAsync(context, 403, "AccessDenied", "com.amazon.coral.service#AccessDeniedException",
                $"User: arn:aws:iam::123456789012:user/reader is not authorized to perform: sqs:getqueueattributes on resource: {queueUrl}");
            return;
        }
        if (!Queues.TryGetValue(queueUrl, out var counts))
        {
            await ErrorAsync(context, 400, "AWS.SimpleQueueService.NonExistentQueue", "com.amazonaws.sqs#QueueDoesNotExist", "The specified queue does not exist.");
            return;
        }
        var attributes = new JsonObject();
        foreach (var name in input["AttributeNames"]!.AsArray().Select(n => (string)n!))
        {
            attributes[name] = name switch
            {
                "ApproximateNumberOfMessages" => counts.Visible.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "ApproximateNumberOfMessagesNotVisible" => counts.NotVisible.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "ApproximateNumberOfMessagesDelayed" => counts.Delayed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "0",
            };
        }
        context.Response.ContentType = "application/x-amz-json-1.0";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(BodyOverride ?? new JsonObject { ["Attributes"] = attributes }.ToJsonString());
    }

    private static Task ErrorAsync(HttpContext context, int status, string queryCode, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.0";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-query-error"] = $"{queryCode};Sender";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = message }));
    }
}
