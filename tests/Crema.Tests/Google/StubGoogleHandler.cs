using System.Net;
using System.Text;

namespace Crema.Tests.Google;

/// <summary>Answers every request with one canned JSON reply and records what was sent.</summary>
internal sealed class StubGoogleHandler(HttpStatusCode status, string json) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public HttpRequestMessage Last => Requests[^1];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });
    }
}
