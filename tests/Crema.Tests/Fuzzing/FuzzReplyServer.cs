using System.Text;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Fuzzing;

/// <summary>
/// A loopback HTTP server answering each request with the next of the replies it was given (<see cref="FuzzReply"/>),
/// so a fuzzed reply reaches a scaler through its real HTTP client, SDK and error handling. One input at a time.
/// A header Kestrel refuses (a control character in it) is left out; the rest of the reply still goes out.
/// </summary>
internal sealed class FuzzReplyServer : IAsyncDisposable
{
    private static readonly Lazy<FuzzReplyServer> SharedServer = new(() => StartAsync().GetAwaiter().GetResult());

    private readonly Lock gate = new();
    private LoopbackWebApp? app;
    private IReadOnlyList<FuzzReply> replies = [new(200, [], "")];
    private int next;

    /// <summary>The server the fuzz targets share (they run one after another); it lives as long as the test process.</summary>
    public static FuzzReplyServer Shared => SharedServer.Value;

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseAddress => app!.BaseAddress;

    /// <summary>How many requests the current input has received.</summary>
    public int Requests { get; private set; }

    public static async Task<FuzzReplyServer> StartAsync()
    {
        var server = new FuzzReplyServer();
        server.app = await LoopbackWebApp.StartAsync(web => web.Run(server.AnswerAsync));
        return server;
    }

    /// <summary>Makes <paramref name="text"/> (one or more replies) the answers to the next requests.</summary>
    public void Serve(string text)
    {
        lock (gate)
        {
            replies = FuzzReply.ParseAll(text);
            next = 0;
            Requests = 0;
        }
    }

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task AnswerAsync(HttpContext context)
    {
        FuzzReply reply;
        lock (gate)
        {
            reply = replies[Math.Min(next++, replies.Count - 1)];
            Requests++;
        }
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            try
            {
                context.Response.Headers.Append(name, value);
            }
            catch (InvalidOperationException)
            {
                // Kestrel refuses the name or value; the reply goes without it.
            }
        }
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(reply.Body), context.RequestAborted);
    }
}
