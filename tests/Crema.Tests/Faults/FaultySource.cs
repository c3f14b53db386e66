using System.Globalization;
using System.Text;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Faults;

/// <summary>
/// The metric source of the faulted object: a loopback JSON endpoint (<c>{"value": N}</c>) that a case can
/// make fail in the ways real sources fail. Failures echo the request's Authorization header, as careless
/// servers do, so the suite sees whether Crema lets an encoded credential through.
/// </summary>
internal sealed class FaultySource : IAsyncDisposable
{
    private readonly HttpStub stub;
    private int requests;
    private int mode;
    private int value;

    private FaultySource(HttpStub stub) => this.stub = stub;

    /// <summary>What the source answers right now.</summary>
    public SourceMode Mode
    {
        get => (SourceMode)Volatile.Read(ref mode);
        set => Volatile.Write(ref mode, (int)value);
    }

    /// <summary>The value a healthy source reports.</summary>
    public int Value
    {
        get => Volatile.Read(ref this.value);
        set => Volatile.Write(ref this.value, value);
    }

    public string Url => stub.BaseAddress + "/stats";

    /// <summary>Requests answered in <see cref="SourceMode.Flapping"/>.</summary>
    public int FlappingRequests => Volatile.Read(ref requests);

    /// <summary>Whether a request carried Authorization: Basic base64(user:password).</summary>
    public bool SawBasicCredentials => stub.Requests.Any(r => r.Headers.TryGetValue("Authorization", out var value)
        && value == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(FaultRig.User + ":" + FaultRig.Password)));

    public static async Task<FaultySource> StartAsync()
    {
        FaultySource? source = null;
        var stub = await HttpStub.StartAsync(context => source!.AnswerAsync(context));
        source = new FaultySource(stub);
        return source;
    }

    public ValueTask DisposeAsync() => stub.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var now = Mode;
        if (now == SourceMode.Flapping)
        {
            // Two answers up, two down: a failed read's retry (the scaler rebuilt, as KEDA does) fails too, so some
            // polls fail and the next succeed. Failing every other request would be absorbed by that retry.
            now = (Interlocked.Increment(ref requests) + 1) / 2 % 2 == 0 ? SourceMode.Down : SourceMode.Healthy;
        }
        var echoed = context.Request.Headers.Authorization.ToString();
        switch (now)
        {
            case SourceMode.Down:
                await WriteAsync(context, 503, $"upstream unavailable; request was: GET /stats Authorization: {echoed}");
                break;
            case SourceMode.Slow:
                // Real time on purpose: the source's own latency, well inside the read timeout.
                await Task.Delay(TimeSpan.FromMilliseconds(300), context.RequestAborted);
                await WriteAsync(context, 200, Json(Value));
                break;
            case SourceMode.Hanging:
                await HoldAsync(context);
                break;
            case SourceMode.Garbage:
                await WriteAsync(context, 200, "\u0000\u001b[2J<html>{{ \"value\": oops " + echoed);
                break;
            case SourceMode.Huge:
                await WriteAsync(context, 200, "{\"pad\":\"" + new string('x', 6 * 1024 * 1024) + "\",\"value\":" + Value + "}");
                break;
            case SourceMode.NaN:
                await WriteAsync(context, 200, "{\"value\":\"NaN\"}");
                break;
            case SourceMode.Infinity:
                await WriteAsync(context, 200, "{\"value\":\"+Inf\"}");
                break;
            default:
                await WriteAsync(context, 200, Json(Value));
                break;
        }
    }

    private static async Task HoldAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }

    private static string Json(int value) => "{\"value\":" + value.ToString(CultureInfo.InvariantCulture) + "}";

    private static Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted).AsTask();
    }
}
