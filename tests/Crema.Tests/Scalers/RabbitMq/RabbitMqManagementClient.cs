using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>Sets up vhosts, users, permissions and queues of the test node through its management API, as the administrator.</summary>
internal sealed class RabbitMqManagementClient : IDisposable
{
    private readonly HttpClient http;

    public RabbitMqManagementClient(string baseAddress)
    {
        BaseAddress = baseAddress;
        http = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("guest:guest")));
    }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseAddress { get; }

    public async Task<bool> IsUpAsync()
    {
        try
        {
            using var response = await http.GetAsync(new Uri("api/overview", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public Task PutVhostAsync(string vhost) => PutAsync($"api/vhosts/{Escape(vhost)}", new { });

    /// <summary>A user (tag monitoring, which the management API needs) with full permissions on <paramref name="vhost"/>; a null password makes a certificate-only user.</summary>
    public async Task PutUserAsync(string user, string? password, string vhost)
    {
        await PutAsync($"api/users/{Escape(user)}", password is null ? new { password_hash = "", tags = "" } : new { password, tags = "monitoring" });
        await PutAsync($"api/permissions/{Escape(vhost)}/{Escape(user)}", new { configure = ".*", write = ".*", read = ".*" });
    }

    public Task DeclareQueueAsync(string vhost, string queue) =>
        PutAsync($"api/queues/{Escape(vhost)}/{Escape(queue)}", new { durable = false, auto_delete = false });

    /// <summary>Publishes <paramref name="count"/> messages to <paramref name="queue"/> through the default exchange.</summary>
    public async Task PublishAsync(string vhost, string queue, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await http.PostAsJsonAsync(new Uri($"api/exchanges/{Escape(vhost)}/amq.default/publish", UriKind.Relative),
                new { properties = new { }, routing_key = queue, payload = $"job {i}", payload_encoding = "string" });
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            body.RootElement.GetProperty("routed").GetBoolean().ShouldBeTrue($"message {i} to {vhost}/{queue} was not routed");
        }
    }

    /// <summary>(messages, messages_ready) as the management API reports them now; (-1, -1) before the first statistics.</summary>
    public async Task<(long Messages, long Ready)> CountsAsync(string vhost, string queue)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri($"api/queues/{Escape(vhost)}/{Escape(queue)}", UriKind.Relative)));
        var root = document.RootElement;
        return root.TryGetProperty("messages", out var messages) && root.TryGetProperty("messages_ready", out var ready)
            ? (messages.GetInt64(), ready.GetInt64())
            : (-1, -1);
    }

    /// <summary>Waits (bounded, real time) until the management API's statistics show these counts: readiness of an external server.</summary>
    public async Task WaitForCountsAsync(string vhost, string queue, long messages, long ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = (-1L, -1L);
        while (DateTime.UtcNow < deadline)
        {
            last = await CountsAsync(vhost, queue);
            if (last == (messages, ready))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new ShouldAssertException($"{vhost}/{queue}: the management API showed {last}, not ({messages}, {ready}), within 30 s");
    }

    public void Dispose() => http.Dispose();

    private async Task PutAsync(string path, object body)
    {
        using var response = await http.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
