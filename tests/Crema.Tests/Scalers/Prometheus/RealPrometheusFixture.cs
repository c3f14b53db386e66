using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Scalers.Prometheus;

/// <summary>
/// One real Prometheus for the test class, scraping a stub /metrics endpoint every second that
/// exposes <c>crema_test_queue_depth 17</c>.
/// </summary>
public sealed class RealPrometheusFixture : IAsyncLifetime
{
    internal const double QueueDepth = 17;

    private HttpStub? exporter;
    private PrometheusServer? server;

    internal string BaseAddress => server!.BaseAddress;

    public async Task InitializeAsync()
    {
        exporter = await HttpStub.StartAsync(context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4";
            return context.Response.WriteAsync("# TYPE crema_test_queue_depth gauge\ncrema_test_queue_depth 17\n");
        });
        server = await PrometheusServer.StartAsync([new Uri(exporter.BaseAddress).Authority]);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        if (exporter is not null)
        {
            await exporter.DisposeAsync();
        }
    }
}
